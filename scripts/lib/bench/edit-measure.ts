// The `edit` measure: one appeal's text edited, from republish until nginx serves the edit.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appealDir, appealFileIn } from '../../../src/lib/content/appeal-folder.ts';
import { PROJECT_ROOT } from '../build-site.ts';
import type { Edit } from './bench-result.ts';
import { NODE, secs } from './bench-run.ts';
import { startMeasured } from './measured-process.ts';
import type { PublishContext } from './served.ts';

/** Edits one appeal's text, then times republish (the full rebuild) until nginx serves the edit. */
export async function edits(c: PublishContext): Promise<Edit[]> {
  const out: Edit[] = [];
  for (let i = 0; i < c.runs; i++) {
    const id = c.ids[Math.floor(((i + 1) * c.ids.length) / (c.runs + 2))]!;
    const file = appealFileIn(appealDir(c.contentDir, id));
    const marker = `Benchmark edit ${Date.now()}.`;
    writeFileSync(file, `${readFileSync(file, 'utf8').replace(/\n*$/, '\n')}\n${marker}\n`);
    const url = `${c.nginx.url}/appeals/${id}/`;
    const started = performance.now();
    let ended = false;
    const running = startMeasured(NODE, [path.join(PROJECT_ROOT, 'scripts/republish.ts')], {
      cwd: PROJECT_ROOT,
      env: c.env,
    });
    const done = running.done.then((r) => ((ended = true), r));
    let liveMs: number | undefined;
    while (liveMs === undefined && !ended) {
      const page = await fetch(url).then(
        (r) => r.text(),
        () => '',
      );
      if (page.includes(marker)) liveMs = performance.now() - started;
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const run = await done;
    if (run.code !== 0)
      throw new Error(`republish after an edit failed (exit ${run.code}):\n${run.output.slice(-4000)}`);
    if (liveMs === undefined && (await fetch(url).then((r) => r.text())).includes(marker))
      liveMs = performance.now() - started;
    if (liveMs === undefined) throw new Error(`${url} never served the edit:\n${run.output.slice(-4000)}`);
    out.push({ liveMs, ms: run.ms, peakRssBytes: run.peakRssBytes });
    c.say(
      `edit ${i + 1}/${c.runs} (${id}): live (nginx serves the edit) after ${secs(liveMs)}, command ended after ${secs(run.ms)}, peak RSS ${Math.round(run.peakRssBytes / 2 ** 20)} MB`,
    );
  }
  return out;
}
