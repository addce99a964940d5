import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  APPEAL_LOCALES,
  ASSET_DIRS,
  closedNoticeFile,
  GONE_DIR,
  HOST_FILES,
  headerRules,
  headersFile,
  netlifyRedirects,
} from '../hosting/host-config.ts';
import { DEFAULT_LOCALE, LOCALES } from '../i18n/locales.ts';

/**
 * The top-level entries of a build that the HTML caching rule covers: all but assets and host files.
 * A language's folder is listed by its children (`cy/appeals/`, `cy/help/`), its `index.html` aside.
 */
export function topLevelHtmlPaths(outDir: string): string[] {
  const skip = new Set<string>([...Object.values(ASSET_DIRS), ...HOST_FILES, 'index.html', '404.html']);
  const prefixed = new Set<string>(LOCALES.filter((locale) => locale !== DEFAULT_LOCALE));
  const names = (dir: string, prefix: string, skipped: ReadonlySet<string>): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !skipped.has(entry.name) && !entry.name.startsWith('.'))
      .flatMap((entry) =>
        // A language's folder by its children, so `/cy/embed/` can be framed like `/embed/`.
        prefix === '' && entry.isDirectory() && prefixed.has(entry.name)
          ? names(path.join(dir, entry.name), `${entry.name}/`, new Set(['index.html']))
          : [`${prefix}${entry.name}${entry.isDirectory() ? '/' : ''}`],
      );
  return names(outDir, '', skip).sort();
}

/**
 * Writes `_headers`, `_redirects` and the `_gone/<id>` markers into `outDir` for these closed ids;
 * returns the number of `_headers` rules. Shared by the build and the takedown (src/lib/publishing/takedown.ts).
 */
export function writeHostFiles(
  outDir: string,
  closed: readonly string[],
  embedAllowedSites: readonly string[],
): number {
  const input = { closedIds: closed, topLevelHtmlPaths: topLevelHtmlPaths(outDir), embedAllowedSites };
  writeFileSync(path.join(outDir, '_headers'), headersFile(input));
  writeFileSync(path.join(outDir, '_redirects'), netlifyRedirects(closed));
  const goneDir = path.join(outDir, GONE_DIR);
  mkdirSync(goneDir, { recursive: true });
  for (const id of closed) writeFileSync(path.join(goneDir, id), '');
  return headerRules(input).length;
}

/**
 * Every closed URL must have its notice page, and the 410 body must exist, in English and in every
 * other language the build has (`cy/` for Welsh): the files missing, if any.
 */
export function missingNoticePages(outDir: string, closed: readonly string[]): string[] {
  return APPEAL_LOCALES.filter(({ prefix }) => prefix === '' || existsSync(path.join(outDir, prefix)))
    .flatMap(({ locale, prefix }) => [
      closedNoticeFile(locale),
      ...closed.map((id) => `${prefix}/appeals/${id}/index.html`),
    ])
    .filter((file) => !existsSync(path.join(outDir, file)));
}
