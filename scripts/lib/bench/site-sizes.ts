// The `bytes` measure: the size of a built site, its pages' weights and its share cards.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../../../src/lib/publishing/file-tree.ts';
import type { SiteSizes } from './bench-result.ts';
import { mainPhotoBytes, pageWeight } from './page-weight.ts';

function treeSize(dir: string): { bytes: number; files: number } {
  const files = filesUnder(dir);
  return { bytes: files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0), files: files.length };
}

/** The size of the site built in `outDir`, with the weights of its pages (`appealId`'s for an appeal's). */
export function siteSizes(outDir: string, appealId: string): SiteSizes {
  const { bytes, files } = treeSize(outDir);
  const cards = readdirSync(path.join(outDir, 'appeals'))
    .map((id) => path.join(outDir, 'appeals', id, 'share-card.jpg'))
    .filter((file) => existsSync(file))
    .map((file) => statSync(file).size)
    .sort((a, b) => a - b);
  return {
    shareCards: cards.length
      ? { median: cards[Math.floor(cards.length / 2)]!, max: cards.at(-1)!, count: cards.length }
      : undefined,
    outputBytes: bytes,
    outputFiles: files,
    pages: {
      home: pageWeight(outDir, '/'),
      listing: pageWeight(outDir, '/appeals/'),
      appeal: pageWeight(outDir, `/appeals/${appealId}/`),
      search: pageWeight(outDir, '/search/'),
    },
    ...(existsSync(path.join(outDir, 'cy', 'appeals', appealId, 'index.html'))
      ? {
          welshPages: {
            appeal: pageWeight(outDir, `/cy/appeals/${appealId}/`),
            search: pageWeight(outDir, '/cy/search/'),
          },
        }
      : {}),
    mainPhoto: mainPhotoBytes(outDir, `/appeals/${appealId}/`),
  };
}
