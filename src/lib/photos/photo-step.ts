import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { appealDir } from '../content/appeal-folder.ts';
import type { ActiveAppealData } from '../model/appeal-schema.ts';
import { appealFacts } from '../model/appeal-view.ts';
import type { CalendarDate } from '../model/calendar-date.ts';
import type { SiteSettings } from '../model/settings-schema.ts';
import { shareCardText } from '../outputs/share-card-text.ts';
import { linkInto, linkPhotoVariants, prunePhotoCache, type PhotoSource } from './photo-cache.ts';
import { encodePhotoVariants, readPhotoSources, type EncodeJob } from './photo-encode.ts';
import { variantFileName, variantsOfPhoto, type PhotoVariant } from './photo-variants.ts';
import { pruneShareCards } from './cache-prune.ts';
import { prepareShareCards } from './share-card-cache.ts';

/**
 * The build's photo step, outside Astro's bundler: before the pages render it learns every active
 * appeal's photos (hash and size, which the pages need for their markup) and starts encoding the
 * variants and share cards that are missing; once the pages are written it waits for them,
 * hard-links every variant into `_photos/` and every card to `/appeals/<id>/share-card.jpg`, and
 * (in a full build) prunes the cache to the active appeals. No source photo reaches the output.
 */

export interface StepAppeal {
  id: string;
  data: ActiveAppealData;
}

/** A content photo's file: beside its appeal's index.md. */
export const photoFile = (contentDir: string, id: string, src: string) =>
  path.join(appealDir(contentDir, id), src.replace(/^\.\//, ''));

export const SHARE_CARD_FILE = 'share-card.jpg';

export interface PhotoStep {
  /** Waits for every variant and card, and links them into `outDir`. */
  finish(outDir: string): Promise<{ encoded: number; linked: number; cards: number; pruned: number }>;
}

export async function startPhotoStep(input: {
  cacheDir: string;
  contentDir: string;
  appeals: readonly StepAppeal[];
  settings: SiteSettings;
  today: CalendarDate;
  /** A build of some appeals only (the early release): the cache is shared, so nothing is pruned. */
  subset?: boolean;
}): Promise<PhotoStep> {
  const { cacheDir, contentDir, appeals } = input;
  const files = appeals.flatMap((a) => a.data.photos.map((p) => photoFile(contentDir, a.id, p.src)));
  const sources = await readPhotoSources(cacheDir, files, { forget: !input.subset });

  // One job per distinct photo (the same file twice, or two identical files, is encoded once),
  // with each variant once by its file name.
  const jobs = new Map<string, { source: PhotoSource; variants: Map<string, PhotoVariant> }>();
  for (const appeal of appeals) {
    appeal.data.photos.forEach((photo, index) => {
      const source = sources.get(photoFile(contentDir, appeal.id, photo.src))!;
      const job = jobs.get(source.hash) ?? { source, variants: new Map() };
      for (const variant of variantsOfPhoto(index))
        job.variants.set(variantFileName(source.hash, variant), variant);
      jobs.set(source.hash, job);
    });
  }
  const encoding = encodePhotoVariants(
    cacheDir,
    [...jobs.values()].map((job): EncodeJob => ({
      source: job.source,
      variants: [...job.variants.values()],
    })),
  );
  encoding.catch(() => undefined);
  const cards = prepareShareCards(
    cacheDir,
    appeals.map((appeal) => ({
      id: appeal.id,
      photoFile: photoFile(contentDir, appeal.id, appeal.data.photos[0]!.src),
      text: shareCardText(
        { id: appeal.id, data: appeal.data, facts: appealFacts(appeal.data, input.settings, input.today) },
        input.settings,
        input.settings.baseUrl,
      ),
    })),
  );
  return {
    async finish(outDir) {
      const encoded = await encoding;
      const names = [...jobs.values()].flatMap((job) => [...job.variants.keys()]);
      const linked = linkPhotoVariants(cacheDir, names, path.join(outDir, '_photos'));
      for (const [id, card] of cards) {
        const dir = path.join(outDir, 'appeals', id);
        mkdirSync(dir, { recursive: true });
        linkInto(await card, path.join(dir, SHARE_CARD_FILE));
      }
      let pruned = 0;
      if (!input.subset) {
        pruned += prunePhotoCache(cacheDir, new Set(jobs.keys()));
        pruned += pruneShareCards(
          cacheDir,
          appeals.map((a) => a.id),
        );
      }
      return { encoded, linked, cards: cards.size, pruned };
    },
  };
}
