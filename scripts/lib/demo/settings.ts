/** The site settings that go with the demo content (`content/settings.yaml`). */
import { DEMO_REGIONS } from './places.ts';

/** The settings that go with the demo content (`content/settings.yaml`). */
export const DEMO_SETTINGS = {
  organisation: {
    name: 'Missing Children Appeals (demonstration site)',
    email: 'appeals@example.org',
    pressEmail: 'press@example.org',
  },
  phones: { emergency: '999', police: '101', helpline: '116 000', helplineName: 'Missing People' },
  // 116 000 and the Runaway Helpline are the real, free UK services; the email address is made up.
  youngPeople: { textNumber: '116 000', email: 'helpline@example.org', messageService: 'Runaway Helpline' },
  regions: DEMO_REGIONS.map((r) => ({ ...r, map: { ...r.map } })),
  baseUrl: 'https://appeals.example.org',
  appealsPerPage: 12,
  demoContent: true,
};

export function demoSettingsYaml(): string {
  const q = (s: string) => JSON.stringify(s);
  const o = DEMO_SETTINGS;
  return [
    '# Site settings for the demonstration site: every appeal in content/appeals is fictional.',
    '# Checked against settingsSchema (src/lib/model/settings-schema.ts). Written by scripts/generate-demo-content.ts.',
    'organisation:',
    `  name: ${q(o.organisation.name)}`,
    `  email: ${q(o.organisation.email)}`,
    `  pressEmail: ${q(o.organisation.pressEmail)}`,
    'phones:',
    `  emergency: ${q(o.phones.emergency)}`,
    `  police: ${q(o.phones.police)}`,
    `  helpline: ${q(o.phones.helpline)}`,
    `  helplineName: ${q(o.phones.helplineName)}`,
    '# How a young person who finds their own appeal gets help (the "Is this you?" page). 116 000 and',
    '# the Runaway Helpline are the real, free UK services; the email address is a made-up example.',
    'youngPeople:',
    `  textNumber: ${q(o.youngPeople.textNumber)}`,
    `  email: ${q(o.youngPeople.email)}`,
    `  messageService: ${q(o.youngPeople.messageService)}`,
    "# welshName: each region's name on Welsh pages (/cy/).",
    "# map: each region's square on the map of appeals (/map/), row and column counted from 0 at the top left.",
    'regions:',
    ...o.regions.flatMap((r) => [
      `  - id: ${r.id}`,
      `    name: ${q(r.name)}`,
      `    welshName: ${q(r.welshName)}`,
      `    map: { row: ${r.map.row}, column: ${r.map.column} }`,
    ]),
    `baseUrl: ${q(o.baseUrl)}`,
    `appealsPerPage: ${o.appealsPerPage}`,
    `demoContent: ${o.demoContent}`,
    '',
  ].join('\n');
}
