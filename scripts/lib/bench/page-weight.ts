// What a visitor downloads for one page, as a host that gzips text would send it: the HTML, its
// stylesheets and scripts (and the modules those import), each gzipped; and the main photo's files.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function fileOf(outDir: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  return path.join(outDir, clean.endsWith('/') ? `${clean}index.html` : clean);
}

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  total: number;
  /** Files counted, for the record. */
  files: string[];
}

/** gzip bytes of the page's HTML, CSS and JS (scripts it loads and their static imports). */
export function pageWeight(outDir: string, urlPath: string): PageWeight {
  const htmlFile = fileOf(outDir, urlPath);
  const doc = parse(readFileSync(htmlFile, 'utf8'));
  const css = doc
    .querySelectorAll('link[rel="stylesheet"]')
    .map((l) => l.getAttribute('href')!)
    .filter(Boolean);
  const scripts = doc
    .querySelectorAll('script[src]')
    .map((s) => s.getAttribute('src')!)
    .filter(Boolean);
  const js = new Set<string>();
  const visit = (url: string) => {
    if (js.has(url)) return;
    const file = fileOf(outDir, url);
    if (!existsSync(file)) return;
    js.add(url);
    const source = readFileSync(file, 'utf8');
    // Static imports only: dynamic import() (Pagefind, islands on interaction) loads later, if ever.
    for (const m of source.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      visit(new URL(m[1]!, `http://x${url}`).pathname);
    }
  };
  for (const s of scripts) visit(s);
  const cssBytes = css.reduce((sum, href) => sum + gz(fileOf(outDir, href)), 0);
  const jsBytes = [...js].reduce((sum, src) => sum + gz(fileOf(outDir, src)), 0);
  const html = gz(htmlFile);
  return {
    html,
    css: cssBytes,
    js: jsBytes,
    total: html + cssBytes + jsBytes,
    files: [urlPath, ...css, ...js],
  };
}

export interface MainPhotoBytes {
  /** Bytes of the largest candidate of each format the main photo offers, e.g. { webp: 6100, jpg: 16000 }. */
  largest: Record<string, number>;
  /** The width of those largest candidates, in pixels. */
  width: number;
}

/** The main photo of an appeal page: the file of its largest displayed size, per format. */
export function mainPhotoBytes(outDir: string, appealPath: string): MainPhotoBytes {
  const doc = parse(readFileSync(fileOf(outDir, appealPath), 'utf8'));
  const picture = doc.querySelector('.appeal-photo--main picture');
  if (!picture) throw new Error(`${appealPath} has no main photo`);
  const largest: Record<string, number> = {};
  let width = 0;
  for (const el of [...picture.querySelectorAll('source'), picture.querySelector('img')!]) {
    const srcset = el.getAttribute('srcset') ?? `${el.getAttribute('src')} 0w`;
    const candidates = srcset
      .split(',')
      .map((c) => c.trim().split(/\s+/))
      .map(([url, w]) => ({ url: url!, w: Number.parseInt(w ?? '0', 10) || 0 }));
    const top = candidates.sort((a, b) => b.w - a.w)[0]!;
    const ext = path.extname(top.url).slice(1);
    largest[ext] = statSync(fileOf(outDir, top.url)).size;
    width = Math.max(width, top.w);
  }
  return { largest, width };
}
