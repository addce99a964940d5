// The `search` measure: the bytes a first search costs in Chromium, on a built site.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../chromium.ts';
import { startStaticServer } from '../static-server.ts';
import { firstSearchBytes, type FirstSearchBytes } from './first-search.ts';

/** Serves `outDir`, searches in Chromium for the first name of `appealId`'s child, and counts the bytes. */
export async function searchBytes(
  outDir: string,
  appealId: string,
  say: (line: string) => void,
  searchPath = '/search/',
): Promise<FirstSearchBytes> {
  const name = /<h1 id="appeal-name"[^>]*>([^<]+)</.exec(
    readFileSync(path.join(outDir, 'appeals', appealId, 'index.html'), 'utf8'),
  )?.[1];
  if (!name) throw new Error(`No name on the page of ${appealId}`);
  const server = await startStaticServer(outDir);
  const browser = await launchChromium();
  try {
    const bytes = await firstSearchBytes(browser, {
      origin: server.url,
      servedDir: outDir,
      query: name.split(' ')[0]!,
      searchPath,
    });
    say(
      `first search in Chromium (${searchPath}): ${(bytes.totalBytes / 1000).toFixed(1)} kB (${bytes.requests} requests)`,
    );
    return bytes;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The same first search on the Welsh search page, where the build has one. */
export async function welshSearchBytes(
  outDir: string,
  appealId: string,
  say: (line: string) => void,
): Promise<FirstSearchBytes | undefined> {
  if (!existsSync(path.join(outDir, 'cy', 'search', 'index.html'))) return undefined;
  return searchBytes(outDir, appealId, say, '/cy/search/');
}
