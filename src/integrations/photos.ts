import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildDate } from '../lib/model/build-date.ts';
import { contentDirectory } from '../lib/content/content-location.ts';
import type { ContentReport } from '../lib/content/content-report.ts';
import { startPhotoStep, type PhotoStep } from '../lib/photos/photo-step.ts';
import { photoCacheDir, sourceFileOf } from '../lib/photos/photo-cache.ts';
import { encodePhotoVariants } from '../lib/photos/photo-encode.ts';
import { ALL_VARIANTS, MIME_TYPES, sourceOfVariant, variantFileName } from '../lib/photos/photo-variants.ts';
import { buildCacheDir } from '../site/build-cache.ts';
import { operatorEnv } from '../site/operator-env.ts';

/**
 * Content photos through our own step (src/lib/photos/photo-step.ts), not Astro's bundler: the
 * variants and share cards are encoded into the cache while the pages build, then hard-linked into
 * the output. In `astro dev`, `/_photos/<name>` is encoded on first request.
 */
export default function photos(options: { report: () => ContentReport | undefined }): AstroIntegration {
  let step: PhotoStep | undefined;
  return {
    name: 'appeals:photos',
    hooks: {
      'astro:build:start': async () => {
        const report = options.report();
        if (!report?.settings) throw new Error('Photos: the content was not validated before the build');
        step = await startPhotoStep({
          cacheDir: buildCacheDir(),
          contentDir: contentDirectory(operatorEnv),
          appeals: report.appeals.flatMap((a) => (a.status === 'active' ? [a] : [])),
          settings: report.settings,
          today: buildDate(operatorEnv),
          subset: operatorEnv.subsetBuild,
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!step) throw new Error('Photos: the photo step never started');
        const done = await step.finish(fileURLToPath(dir));
        logger.info(
          `Photos: ${done.encoded} variants encoded, ${done.linked} linked, ${done.cards} share cards; ${done.pruned} cached files pruned.`,
        );
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const name = /^\/_photos\/([^/?#]+)$/.exec(req.url ?? '')?.[1];
          const hash = name ? sourceOfVariant(name) : undefined;
          const variant = hash && ALL_VARIANTS.find((v) => variantFileName(hash, v) === name);
          const file = hash && variant ? sourceFileOf(buildCacheDir(), hash) : undefined;
          if (!name || !hash || !variant || !file) return next();
          const cached = path.join(photoCacheDir(buildCacheDir()), name);
          const serve = () => {
            res.setHeader('Content-Type', MIME_TYPES[variant.format]);
            res.end(readFileSync(cached));
          };
          if (existsSync(cached)) return serve();
          encodePhotoVariants(buildCacheDir(), [
            { source: { file, hash, width: 0, height: 0 }, variants: [variant] },
          ]).then(serve, next);
        });
      },
    },
  };
}
