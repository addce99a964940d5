// The `closure` measure: `appeal found <id>` until nginx answers 410, with the served and the final
// release checked for the child's name and photos.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { appealDir, appealFileIn } from '../../../src/lib/content/appeal-folder.ts';
import { archivedNames } from '../../../src/lib/lifecycle/appeal-archive.ts';
import { escapeRe, phrasePattern } from '../../../src/lib/model/name-matching.ts';
import { foldText } from '../../../src/lib/model/text-fold.ts';
import { filesUnder } from '../../../src/lib/publishing/file-tree.ts';
import { photoReferences } from '../../../src/lib/release-files/page-references.ts';
import { PROJECT_ROOT } from '../build-site.ts';
import type { Closure } from './bench-result.ts';
import { NODE, secs } from './bench-run.ts';
import { startMeasured } from './measured-process.ts';
import { type PublishContext, stopgapLine, waitForStatus } from './served.ts';

/**
 * Files of a release (not raster images) whose name or raw text holds one of `needles` (a name or
 * a marker such as `data-appeal-id="…"`), case aside: a check independent of verification's own.
 */
export function leakingFiles(releaseDir: string, needles: readonly string[]): string[] {
  if (needles.length === 0) return [];
  const pattern = new RegExp(
    needles.map((n) => escapeRe(n).replace(/\s+/g, '[\\s\\u00a0_-]+')).join('|'),
    'i',
  );
  return filesUnder(releaseDir).filter((file) => {
    if (pattern.test(file)) return true;
    if (/\.(avif|webp|jpe?g|png|gif)$/i.test(file)) return false;
    const bytes = readFileSync(path.join(releaseDir, file));
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    return pattern.test(text);
  });
}

/**
 * The appeals a closure may be measured on: synthetic names can repeat ("Amy Smith", and "Amy
 * Smith-Jones" in another appeal), and the leak check searches for the name, so only children whose
 * name is in no other appeal's name.
 */
export function uniquelyNamed(c: PublishContext): string[] {
  const names = new Map(
    c.ids.map((id) => [
      id,
      /^name: (.+)$/m
        .exec(readFileSync(appealFileIn(appealDir(c.contentDir, id)), 'utf8'))?.[1]
        ?.replace(/^["']|["']$/g, '') ?? '',
    ]),
  );
  return c.ids.filter((id) => {
    const pattern = phrasePattern([names.get(id)!]);
    return pattern && c.ids.every((other) => other === id || !pattern.test(foldText(names.get(other)!)));
  });
}

/**
 * Times `appeal found <id>` until nginx answers 410, then checks the release it served and the
 * final one: the child's name in no file, and every photo the appeal used answering 404.
 */
export async function closures(c: PublishContext): Promise<Closure[]> {
  const out: Closure[] = [];
  const unique = uniquelyNamed(c);
  for (let i = 0; i < c.runs; i++) {
    const id = unique[Math.floor(((i + 1) * unique.length) / (c.runs + 1))]!;
    const pageUrl = `${c.nginx.url}/appeals/${id}/`;
    const before = await fetch(pageUrl);
    if (before.status !== 200) throw new Error(`${pageUrl} is not live before closing (${before.status})`);
    const photos = [...new Set(photoReferences(await before.text()))];
    const current = path.join(c.env.DEPLOY_DIR!, 'current');
    const started = performance.now();
    let ended = false;
    const running = startMeasured(
      NODE,
      [path.join(PROJECT_ROOT, 'scripts/appeal.ts'), 'found', id, '--by', 'Benchmark'],
      { cwd: PROJECT_ROOT, env: c.env },
    );
    const done = running.done.then((r) => ((ended = true), r));
    const served = await waitForStatus(pageUrl, 410, () => ended);
    const liveMs = performance.now() - started;
    // What nginx served at that moment must already be clean.
    const servedRelease = realpathSync(current);
    const archived = archivedNames(c.archiveDir).find((a) => a.id === id)?.name;
    const names = archived ? [archived] : [];
    if (names.length === 0) throw new Error(`No archived name for ${id}`);
    const photoStatuses = await Promise.all(
      photos.map(async (p) => (await fetch(`${c.nginx.url}${p}`)).status),
    );
    const leaks = existsSync(servedRelease)
      ? leakingFiles(servedRelease, [...names, `data-appeal-id="${id}"`])
      : [];
    const run = await done;
    if (run.code !== 0 || !served)
      throw new Error(
        `appeal found ${id} failed (exit ${run.code}, 410 ${served ? 'seen' : 'never seen'}):\n${run.output.slice(-4000)}`,
      );
    if (leaks.length > 0)
      throw new Error(
        `LEAK: the release served after closing ${id} still names the child in ${leaks.join(', ')}`,
      );
    if (photoStatuses.some((s) => s !== 404))
      throw new Error(
        `LEAK: photos of ${id} still served after closing: ${photos.filter((_, k) => photoStatuses[k] !== 404).join(', ')}`,
      );
    const finalLeaks = leakingFiles(realpathSync(current), [...names, `data-appeal-id="${id}"`]);
    if (finalLeaks.length > 0)
      throw new Error(
        `LEAK: the full rebuild after closing ${id} still names the child in ${finalLeaks.join(', ')}`,
      );
    const takedown = /Live: takedown release/.test(run.output);
    out.push({ id, liveMs, fullMs: run.ms, peakRssBytes: run.peakRssBytes, takedown });
    c.say(`  ${stopgapLine(run.output)}`);
    c.say(
      `closure ${i + 1}/${c.runs} (${id}): 410 from nginx after ${secs(liveMs)}${takedown ? ' (takedown release)' : ' (NO takedown: full build)'}, full rebuild live after ${secs(run.ms)}; leak-free, ${photos.length} photo URLs 404`,
    );
  }
  return out;
}
