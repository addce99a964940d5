/**
 * Where the demo appeals happen: the settings' regions, real towns with the real police forces
 * that police them (every reference is a fake "DEMO-" one), and generic places on made-up streets.
 */

/**
 * The regions, with each one's Welsh name and square on the map of appeals: a tile grid of the UK, roughly where
 * each region lies (Scotland and Northern Ireland at the top, London and the South East at the foot).
 */
export const DEMO_REGIONS: ReadonlyArray<{
  id: string;
  name: string;
  /** The name on Welsh pages. */
  welshName: string;
  map: { row: number; column: number };
}> = [
  { id: 'north-east', name: 'North East', welshName: 'Gogledd-ddwyrain Lloegr', map: { row: 0, column: 2 } },
  { id: 'north-west', name: 'North West', welshName: 'Gogledd-orllewin Lloegr', map: { row: 1, column: 1 } },
  {
    id: 'yorkshire-and-the-humber',
    name: 'Yorkshire and the Humber',
    welshName: "Swydd Efrog a'r Humber",
    map: { row: 1, column: 2 },
  },
  {
    id: 'east-midlands',
    name: 'East Midlands',
    welshName: 'Dwyrain Canolbarth Lloegr',
    map: { row: 2, column: 2 },
  },
  {
    id: 'west-midlands',
    name: 'West Midlands',
    welshName: 'Gorllewin Canolbarth Lloegr',
    map: { row: 2, column: 1 },
  },
  { id: 'east-of-england', name: 'East of England', welshName: 'Dwyrain Lloegr', map: { row: 2, column: 3 } },
  { id: 'london', name: 'London', welshName: 'Llundain', map: { row: 3, column: 2 } },
  { id: 'south-east', name: 'South East', welshName: 'De-ddwyrain Lloegr', map: { row: 3, column: 3 } },
  { id: 'south-west', name: 'South West', welshName: 'De-orllewin Lloegr', map: { row: 3, column: 1 } },
  { id: 'wales', name: 'Wales', welshName: 'Cymru', map: { row: 2, column: 0 } },
  { id: 'scotland', name: 'Scotland', welshName: 'Yr Alban', map: { row: 0, column: 1 } },
  {
    id: 'northern-ireland',
    name: 'Northern Ireland',
    welshName: 'Gogledd Iwerddon',
    map: { row: 0, column: 0 },
  },
];

export interface Town {
  town: string;
  force: string;
}

/** Real towns and the real forces that police them; every reference is a fake "DEMO-" one. */
export const REGION_TOWNS: Record<string, Town[]> = {
  'north-east': [
    { town: 'Newcastle upon Tyne', force: 'Northumbria Police' },
    { town: 'Middlesbrough', force: 'Cleveland Police' },
    { town: 'Durham', force: 'Durham Constabulary' },
    { town: 'Sunderland', force: 'Northumbria Police' },
  ],
  'north-west': [
    { town: 'Manchester', force: 'Greater Manchester Police' },
    { town: 'Liverpool', force: 'Merseyside Police' },
    { town: 'Preston', force: 'Lancashire Constabulary' },
    { town: 'Carlisle', force: 'Cumbria Constabulary' },
  ],
  'yorkshire-and-the-humber': [
    { town: 'Leeds', force: 'West Yorkshire Police' },
    { town: 'Sheffield', force: 'South Yorkshire Police' },
    { town: 'Hull', force: 'Humberside Police' },
    { town: 'York', force: 'North Yorkshire Police' },
  ],
  'east-midlands': [
    { town: 'Nottingham', force: 'Nottinghamshire Police' },
    { town: 'Leicester', force: 'Leicestershire Police' },
    { town: 'Derby', force: 'Derbyshire Constabulary' },
    { town: 'Lincoln', force: 'Lincolnshire Police' },
  ],
  'west-midlands': [
    { town: 'Birmingham', force: 'West Midlands Police' },
    { town: 'Stoke-on-Trent', force: 'Staffordshire Police' },
    { town: 'Coventry', force: 'West Midlands Police' },
    { town: 'Worcester', force: 'West Mercia Police' },
  ],
  'east-of-england': [
    { town: 'Norwich', force: 'Norfolk Constabulary' },
    { town: 'Chelmsford', force: 'Essex Police' },
    { town: 'Cambridge', force: 'Cambridgeshire Constabulary' },
    { town: 'Luton', force: 'Bedfordshire Police' },
  ],
  london: [
    { town: 'Croydon', force: 'Metropolitan Police Service' },
    { town: 'Hackney', force: 'Metropolitan Police Service' },
    { town: 'Ealing', force: 'Metropolitan Police Service' },
    { town: 'Lewisham', force: 'Metropolitan Police Service' },
  ],
  'south-east': [
    { town: 'Brighton', force: 'Sussex Police' },
    { town: 'Reading', force: 'Thames Valley Police' },
    { town: 'Maidstone', force: 'Kent Police' },
    { town: 'Southampton', force: 'Hampshire and Isle of Wight Constabulary' },
  ],
  'south-west': [
    { town: 'Bristol', force: 'Avon and Somerset Police' },
    { town: 'Plymouth', force: 'Devon and Cornwall Police' },
    { town: 'Bournemouth', force: 'Dorset Police' },
    { town: 'Gloucester', force: 'Gloucestershire Constabulary' },
  ],
  wales: [
    { town: 'Cardiff', force: 'South Wales Police' },
    { town: 'Wrexham', force: 'North Wales Police' },
    { town: 'Newport', force: 'Gwent Police' },
    { town: 'Aberystwyth', force: 'Dyfed-Powys Police' },
  ],
  scotland: [
    { town: 'Glasgow', force: 'Police Scotland' },
    { town: 'Edinburgh', force: 'Police Scotland' },
    { town: 'Aberdeen', force: 'Police Scotland' },
    { town: 'Dundee', force: 'Police Scotland' },
  ],
  'northern-ireland': [
    { town: 'Belfast', force: 'Police Service of Northern Ireland' },
    { town: 'Lisburn', force: 'Police Service of Northern Ireland' },
    { town: 'Newry', force: 'Police Service of Northern Ireland' },
    { town: 'Ballymena', force: 'Police Service of Northern Ireland' },
  ],
};

/** Generic places on made-up streets; each reads after "was last seen". */
export const PLACES = [
  'outside the library on Station Road',
  'at the bus station',
  'near the skate park in Victoria Park',
  'outside a newsagent on High Street',
  'at the railway station',
  'leaving school on Mill Lane',
  'in the shopping centre',
  'at a bus stop on London Road',
  'near the canal towpath by Bridge Street',
  'outside the leisure centre on Church Street',
  'in the playground on Chapel Road',
  'walking along Queen Street towards the town centre',
  'outside a fast-food restaurant on Market Street',
  'at the retail park off Park Lane',
];
