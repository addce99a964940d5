// The `new` measure: a new appeal, from republish until nginx serves its page.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { appealsDir } from '../../../src/lib/content/appeal-folder.ts';
import { nextAppealId } from '../../../src/lib/model/appeal-id.ts';
import { PROJECT_ROOT } from '../build-site.ts';
import { buildDemoAppeals } from '../demo/build-appeals.ts';
import { writeSyntheticAppeal } from '../synthetic-content.ts';
import type { NewAppeal } from './bench-result.ts';
import { secs } from './bench-run.ts';
import { type PublishContext, stopgapLine, timeUntilServed } from './served.ts';

/** Writes a new fictional appeal (with new photos to encode), then times republish until nginx serves it. */
export async function newAppeals(c: PublishContext): Promise<NewAppeal[]> {
  const out: NewAppeal[] = [];
  const extra = buildDemoAppeals(c.runs, 9090);
  for (let i = 0; i < c.runs; i++) {
    const id = nextAppealId(readdirSync(appealsDir(c.contentDir)), 2026);
    await writeSyntheticAppeal(c.contentDir, extra[i]!, id, c.photos, 500_000 + i * 2);
    const { liveMs, run } = await timeUntilServed(
      c,
      [path.join(PROJECT_ROOT, 'scripts/republish.ts')],
      `${c.nginx.url}/appeals/${id}/`,
      200,
    );
    const early = /Live: early release/.test(run.output);
    out.push({ ms: liveMs, peakRssBytes: run.peakRssBytes, fullMs: run.ms, early });
    c.say(
      `new appeal ${id} ${i + 1}/${c.runs}: live (200 from nginx) after ${secs(liveMs)}${early ? ' (early release)' : ' (NO early release: full build)'}, full build live after ${secs(run.ms)}, peak RSS ${Math.round(run.peakRssBytes / 2 ** 20)} MB`,
    );
    c.say(`  ${stopgapLine(run.output)}`);
  }
  return out;
}
