import path from 'node:path';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { activeAppealSchema, closedAppealSchema } from './lib/model/appeal-schema.ts';
import { contentDirectory } from './lib/content/content-location.ts';
import { appealsLoader } from './integrations/appeals-loader.ts';

/** Authors write `photo-1.jpg`; Astro resolves images relative to the entry only with `./`. */
const relativeToEntry = (value: unknown) =>
  typeof value === 'string' && !/^\.{0,2}\//.test(value) ? `./${value}` : value;

const appeals = defineCollection({
  // The folder name is the id: 2026-0042/index.md becomes 2026-0042.
  loader: appealsLoader(path.join(contentDirectory(), 'appeals')),
  schema: ({ image }) =>
    z.discriminatedUnion('status', [
      activeAppealSchema(z.preprocess(relativeToEntry, image())),
      closedAppealSchema,
    ]),
});

export const collections = { appeals };
