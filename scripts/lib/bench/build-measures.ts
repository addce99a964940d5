// The `cold`, `warm`, `bytes` and `search` measures: the real `astro build` of the synthetic content, ours and
// the naive baseline's, then the size of its output and the bytes of a first search on it.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../build-site.ts';
import type { Measure, Variant } from './bench-result.ts';
import { type BenchContext, mb, secs, timed } from './bench-run.ts';
import { NAIVE_BASELINE_COMMIT, naiveBaselineCheckout } from './naive-baseline.ts';
import { searchBytes, welshSearchBytes } from './search-measure.ts';
import { siteSizes } from './site-sizes.ts';

const astroBuild = (c: BenchContext, outDir: string, extra: NodeJS.ProcessEnv = {}, root = PROJECT_ROOT) =>
  c.run([path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], extra, root);

/** Our build: cold (empty cache), then warm (nothing changed); then the measures of its output. */
export async function ourBuilds(c: BenchContext, want: (m: Measure) => boolean): Promise<Variant> {
  const ours: Variant = {};
  const out = path.join(c.work, 'out');
  rmSync(c.env.ASTRO_CACHE_DIR!, { recursive: true, force: true });
  c.say(`cold build (ours, empty cache) of ${c.n} appeals...`);
  ours.cold = timed('cold build', await astroBuild(c, out));
  c.say(`  cold build: ${secs(ours.cold.ms)}, peak RSS ${mb(ours.cold.peakRssBytes)}`);
  if (want('warm')) {
    ours.warm = [];
    for (let i = 0; i < c.runs; i++) {
      const r = timed('warm build', await astroBuild(c, out));
      ours.warm.push(r);
      c.say(`warm build ${i + 1}/${c.runs} (ours): ${secs(r.ms)}, peak RSS ${mb(r.peakRssBytes)}`);
    }
  }
  if (want('bytes')) ours.sizes = siteSizes(out, c.sampleId);
  if (want('search')) {
    ours.search = await searchBytes(out, c.sampleId, c.say);
    const welsh = await welshSearchBytes(out, c.sampleId, c.say);
    if (welsh) ours.welshSearch = welsh;
  }
  return ours;
}

/** The naive baseline, same content: Astro's defaults, its default cache folder (naive-baseline.ts). */
export async function naiveBuilds(c: BenchContext, want: (m: Measure) => boolean): Promise<Variant> {
  const naiveOut = path.join(c.work, 'naive-out');
  const naiveRoot = naiveBaselineCheckout(path.join(c.work, 'naive-code'), c.say);
  const naiveBuild = () => astroBuild(c, naiveOut, { NAIVE_BASELINE: '1' }, naiveRoot);
  const naive: Variant = {};
  rmSync(path.join(naiveRoot, 'node_modules', '.astro'), { recursive: true, force: true });
  c.say(
    `cold build (naive baseline of ${NAIVE_BASELINE_COMMIT.slice(0, 7)}, empty node_modules/.astro) of ${c.n} appeals...`,
  );
  naive.cold = timed('naive cold build', await naiveBuild());
  c.say(`  naive cold build: ${secs(naive.cold.ms)}, peak RSS ${mb(naive.cold.peakRssBytes)}`);
  if (want('warm')) {
    naive.warm = [];
    for (let i = 0; i < c.runs; i++) {
      const r = timed('naive warm build', await naiveBuild());
      naive.warm.push(r);
      c.say(`naive warm build ${i + 1}/${c.runs}: ${secs(r.ms)}`);
    }
  }
  if (want('bytes')) naive.sizes = siteSizes(naiveOut, c.sampleId);
  if (want('search')) naive.search = await searchBytes(naiveOut, c.sampleId, c.say);
  rmSync(path.join(naiveRoot, 'node_modules', '.astro'), { recursive: true, force: true });
  return naive;
}
