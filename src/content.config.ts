import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { activeAppealSchema, closedAppealSchema } from './lib/model/appeal-schema.ts';
import { contentDirectory } from './lib/content/content-location.ts';

const appeals = defineCollection({
  loader: glob({
    pattern: '*/index.md',
    base: pathToFileURL(path.join(contentDirectory(), 'appeals') + path.sep),
    // The folder name is the id: 2026-0042/index.md becomes 2026-0042.
    generateId: ({ entry }) => entry.split('/')[0]!,
    retainBody: false,
  }),
  // Photos are plain file names beside index.md, not Astro image assets: our photo step
  // (src/integrations/photos.ts) makes their variants, so no photo ever passes through the bundler.
  schema: z.discriminatedUnion('status', [activeAppealSchema(z.string()), closedAppealSchema]),
});

export const collections = { appeals };
