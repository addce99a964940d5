import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { isAppealId } from '../lib/model/appeal-id.ts';
import { parseMarkdownFile } from '../lib/content/frontmatter.ts';
import { APPEAL_FILE, appealFileIn, idFolder } from '../lib/content/appeal-folder.ts';

/** `<appealsDir>/<id>/index.md` for every folder named with an appeal id. */
function appealFiles(appealsDir: string): Array<{ id: string; file: string }> {
  if (!existsSync(appealsDir)) return [];
  return readdirSync(appealsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isAppealId(entry.name))
    .map((entry) => ({ id: entry.name, file: appealFileIn(idFolder(appealsDir, entry.name)) }))
    .filter(({ file }) => existsSync(file));
}

/**
 * The appeals collection: each `<id>/index.md`, its frontmatter parsed by the same text-only YAML as
 * `npm run check` (src/lib/content/frontmatter.ts), so the build reads exactly the values the check
 * validated. Astro's glob loader would let YAML turn an unquoted 2026-02-30 into 2 March, or a
 * reference 0123 into 123, before the schema saw it. The circumstances render with Astro's own
 * Markdown pipeline; unchanged files are skipped by digest, as the glob loader does.
 */
export function appealsLoader(appealsDir: string): Loader {
  return {
    name: 'appeals-loader',
    load: async (context: LoaderContext) => {
      const { store, config, watcher } = context;
      const sync = async (id: string, file: string) => {
        const source = readFileSync(file, 'utf8');
        const digest = context.generateDigest(source);
        const relative = path.relative(new URL('.', config.root).pathname, file);
        const existing = store.get(id);
        // Unchanged: nothing to do (photos are not image imports: src/integrations/photos.ts has them).
        if (existing && existing.digest === digest && existing.filePath) return;
        const { data, body } = parseMarkdownFile(source);
        const parsed = await context.parseData({ id, data, filePath: file });
        const rendered = body.trim()
          ? await context.renderMarkdown(body, { fileURL: pathToFileURL(file) })
          : undefined;
        store.set({ id, data: parsed, filePath: relative, digest, ...(rendered ? { rendered } : {}) });
      };

      const untouched = new Set(store.keys());
      for (const { id, file } of appealFiles(appealsDir)) {
        untouched.delete(id);
        await sync(id, file);
      }
      for (const id of untouched) store.delete(id);

      // `astro dev`: follow edits to appeals as they are saved.
      if (!watcher) return;
      watcher.add(appealsDir);
      const changed = async (file: string) => {
        const rel = path.relative(appealsDir, file).split(path.sep);
        if (rel.length !== 2 || rel[1] !== APPEAL_FILE || !isAppealId(rel[0]!)) return;
        if (existsSync(file)) await sync(rel[0]!, file);
        else store.delete(rel[0]!);
      };
      watcher.on('change', (file) => void changed(file));
      watcher.on('add', (file) => void changed(file));
      watcher.on('unlink', (file) => void changed(file));
    },
  };
}
