// Issue 19, point 17, end to end: a republish refuses a name the share card cannot draw, naming the
// field and the character, and the card it publishes for "Tomos Gwŷn Pritchard" shows "ŷ", not the
// "?" the old fonts put in its place.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { renderShareCard, type ShareCardText } from '../../src/lib/photos/share-card.ts';
import {
  createWorkspace,
  describeRun,
  editAppeal,
  FIXTURE,
  removeWorkspace,
  republishOk,
  runCli,
  type Workspace,
} from '../helpers/publishing.ts';

const ID = FIXTURE.tobiah.id;
let ws: Workspace | undefined;
afterAll(() => removeWorkspace(ws));

/**
 * The band of the card that holds the name's first line (the fixture is a demonstration site, so
 * the name starts below the label and the MISSING badge), as 8-bit RGB. Its edges are on JPEG's
 * 16-pixel blocks, so the text around it cannot change it.
 */
async function nameBand(card: Buffer): Promise<Buffer> {
  return sharp(card).extract({ left: 464, top: 160, width: 736, height: 80 }).raw().toBuffer();
}

const differing = (a: Buffer, b: Buffer) => {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 64) n++;
  return n;
};

it('refuses "王" in a name at validate, then publishes a card that draws "Tomos Gwŷn Pritchard"', async () => {
  ws = await createWorkspace('share-card-names');
  const workspace = ws;
  editAppeal(workspace, ID, (s) => s.replace('name: Tobiah Wrenfield', 'name: Wang 王小明'));
  const refused = await runCli('republish', [], workspace.env);
  expect(refused.code, describeRun(refused)).not.toBe(0);
  expect(refused.stdout + refused.stderr).toMatch(
    /appeals\/2026-0102\/index\.md: name: the share card's font cannot draw '王' \(U\+738B\)/,
  );
  expect(workspace.currentName(), 'nothing was published').toBeUndefined();

  editAppeal(workspace, ID, (s) => s.replace('name: Wang 王小明', 'name: Tomos Gwŷn Pritchard'));
  await republishOk(workspace);
  const built = readFileSync(path.join(workspace.currentDir(), 'appeals', ID, 'share-card.jpg'));

  // The same band drawn by the card's own renderer: as the name reads, and as the old fonts drew it.
  const photo = path.join(workspace.contentDir, 'appeals', ID, 'photo-1.jpg');
  const reference = (name: string): ShareCardText => ({
    name,
    facts: '',
    lastSeen: '',
    seeNow: 'See this child now? Call 999',
    information: 'Information? Call 101',
    address: 'appeals.example.org/',
    demonstration: true,
  });
  const [band, right, question] = await Promise.all([
    nameBand(built),
    renderShareCard(photo, reference('Tomos Gwŷn Pritchard')).then(nameBand),
    renderShareCard(photo, reference('Tomos Gw?n Pritchard')).then(nameBand),
  ]);
  expect(differing(band, right), 'the built card against "Gwŷn"').toBeLessThan(20);
  expect(differing(band, question), 'the built card against "Gw?n"').toBeGreaterThan(100);
});
