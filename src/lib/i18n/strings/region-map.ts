import { defineStrings } from '../define-strings.ts';

/** The map of appeals by region (/map/) and the links to it. */
export const regionMapStrings = defineStrings(
  'region map',
  {
    title: 'Map of appeals by region',
    description: 'How many active appeals there are in each region, as a table and as a map.',
    intro:
      'The number of active appeals for children last seen in each region. Choose a region to see its appeals.',
    privacy: 'The map shows regions only. It never shows where a child was seen.',
    tableCaption: 'Active appeals by region',
    regionHeading: 'Region',
    countHeading: 'Active appeals',
    total: 'All regions',
    mapHeading: 'Map',
    mapIntro:
      'Each square is a region, placed roughly where it is. The number in a square is its number of active appeals, and the darker the square, the more appeals. Choose a square to see that region’s appeals.',
    mapLabel: 'Map of active appeals by region',
    // The name starts with what the tile shows (name, then number), as WCAG 2.5.3 asks.
    tileName: (name: string, count: number) =>
      `${name}: ${count} active ${count === 1 ? 'appeal' : 'appeals'}`,
    legendHeading: 'Number of active appeals',
    legendRange: (min: number, max: number) => (min === max ? `${min}` : `${min} to ${max}`),
    seeAll: 'See all appeals',
    link: 'Map of appeals by region',
  },
  {
    title: 'Map o apeliadau fesul rhanbarth',
    description: 'Faint o apeliadau gweithredol sydd ym mhob rhanbarth, fel tabl ac fel map.',
    intro:
      'Nifer yr apeliadau gweithredol am blant a welwyd ddiwethaf ym mhob rhanbarth. Dewiswch ranbarth i weld ei apeliadau.',
    privacy: 'Dim ond rhanbarthau mae’r map yn eu dangos. Nid yw byth yn dangos ble gwelwyd plentyn.',
    tableCaption: 'Apeliadau gweithredol fesul rhanbarth',
    regionHeading: 'Rhanbarth',
    countHeading: 'Apeliadau gweithredol',
    total: 'Pob rhanbarth',
    mapHeading: 'Map',
    mapIntro:
      'Mae pob sgwâr yn rhanbarth, wedi’i osod yn fras lle mae. Y rhif mewn sgwâr yw nifer yr apeliadau gweithredol yno, a pho dywyllaf y sgwâr, y mwyaf o apeliadau. Dewiswch sgwâr i weld apeliadau’r rhanbarth hwnnw.',
    mapLabel: 'Map o apeliadau gweithredol fesul rhanbarth',
    // The name starts with what the tile shows (name, then number), as WCAG 2.5.3 asks.
    tileName: (name: string, count: number) => `${name}: ${count} apêl weithredol`,
    legendHeading: 'Nifer yr apeliadau gweithredol',
    legendRange: (min: number, max: number) => (min === max ? `${min}` : `${min} i ${max}`),
    seeAll: 'Gweld pob apêl',
    link: 'Map o apeliadau fesul rhanbarth',
  },
);
