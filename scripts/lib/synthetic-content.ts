import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appealDir, appealFileIn, appealsDir } from '../../src/lib/content/appeal-folder.ts';
import { stringifyMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { buildDemoAppeals, type DemoAppeal } from './demo/build-appeals.ts';
import { demoSettingsYaml } from './demo/settings.ts';
import { syntheticPhotoJpeg } from './synthetic-photo.ts';

/** Writes one fictional appeal as `<contentDir>/appeals/<id>/`, with `photos` synthetic photos from `seed` on. */
export async function writeSyntheticAppeal(
  contentDir: string,
  appeal: DemoAppeal,
  id: string,
  photos: 1 | 2,
  seed: number,
): Promise<void> {
  const dir = appealDir(contentDir, id);
  mkdirSync(dir, { recursive: true });
  const data = { ...appeal.data };
  const list = Array.from({ length: photos }, (_, i) => ({
    src: `photo-${i + 1}.jpg`,
    alt: `Synthetic benchmark image ${i + 1}, not a real person`,
    kind: 'photo',
  }));
  data.photos = list;
  writeFileSync(appealFileIn(dir), stringifyMarkdownFile(data, appeal.body));
  for (const [i, photo] of list.entries())
    writeFileSync(path.join(dir, photo.src), await syntheticPhotoJpeg(seed + i));
}

/**
 * N fictional appeals in the project's own content format, each with `photos` photo-like
 * 1200×1600 JPEGs, for benchmarks. Returns the ids in order.
 */
export async function writeSyntheticContent(
  contentDir: string,
  count: number,
  photos: 1 | 2,
  onProgress?: (done: number) => void,
): Promise<string[]> {
  mkdirSync(appealsDir(contentDir), { recursive: true });
  writeFileSync(path.join(contentDir, 'settings.yaml'), demoSettingsYaml());
  const ids: string[] = [];
  let seed = 1;
  for (const appeal of buildDemoAppeals(count, 4242)) {
    await writeSyntheticAppeal(contentDir, appeal, appeal.id, photos, seed);
    seed += photos;
    ids.push(appeal.id);
    onProgress?.(ids.length);
  }
  return ids;
}
