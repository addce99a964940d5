import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { activeAppealSchema, closedAppealSchema } from './lib/model/appeal-schema.ts';
import { contentDirectory } from './lib/content/content-location.ts';
import { appealsDir } from './lib/content/appeal-folder.ts';
import { operatorEnv } from './site/operator-env.ts';
import { appealsLoader } from './integrations/appeals-loader.ts';

const appeals = defineCollection({
  // The folder name is the id: 2026-0042/index.md becomes 2026-0042.
  loader: appealsLoader(appealsDir(contentDirectory(operatorEnv))),
  // Photos are plain file names beside index.md, not Astro image assets: our photo step
  // (src/integrations/photos.ts) makes their variants, so no photo ever passes through the bundler.
  schema: z.discriminatedUnion('status', [activeAppealSchema(z.string()), closedAppealSchema]),
});

export const collections = { appeals };
