import { unlocalisedPath } from '../i18n/locales.ts';

/**
 * robots.txt: everything may be crawled, closed appeals included, because a crawler has to fetch a
 * closed page to see its `noindex` and drop it from results. Blocking those URLs would keep the
 * old listing (with the child's name) in search engines.
 */
export function robotsTxt(site: string | URL): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${new URL('/sitemap-index.xml', site).href}`, ''].join(
    '\n',
  );
}

/** Paths that are never in the sitemap: closed appeals (and anything under them), the notice, and pages that duplicate others. */
export function inSitemap(url: string, closedIds: readonly string[]): boolean {
  // A Welsh page follows the same rules as its English twin.
  const pathname = unlocalisedPath(new URL(url).pathname);
  if (/^\/(embed|404)(\/|$)/.test(pathname) || pathname.startsWith('/appeals/closed/')) return false;
  const id = /^\/appeals\/(\d{4}-\d{4})(\/|$)/.exec(pathname)?.[1];
  if (id && closedIds.includes(id)) return false;
  // Posters repeat their appeal page for print; the appeal page is the one to find.
  if (/^\/appeals\/\d{4}-\d{4}\/poster\//.test(pathname)) return false;
  return true;
}
