import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { closedNoticeText } from '../outputs/closed-notice.ts';
import { filesUnder } from './file-tree.ts';
import { sourceOfVariant } from '../photos/photo-variants.ts';

/**
 * Checks a built release before it can go live. By allow-list: every published photo must be one
 * an active appeal's page uses, and every closed id's page must be exactly the neutral notice.
 * By deny-list: no file, file name or decompressed search file may contain an archived name.
 */

export interface VerifyInput {
  releaseDir: string;
  activeIds: readonly string[];
  closedIds: readonly string[];
  /** Names and other names of closed appeals, from the private archive. */
  forbiddenNames: ReadonlyArray<{ id: string; names: readonly string[] }>;
  /** Where non-photo images (the favicon) come from; each must match byte for byte. */
  publicDir: string;
  /**
   * Names and other names of active appeals. A closed child's other name that an active child
   * also goes by ("Jay") is published legitimately for that child, so it is not searched for;
   * the closed child's full name still is.
   */
  activeNames?: readonly string[];
}

/** The forbidden names left once names that active appeals legitimately use are set aside. */
export function namesToScan(
  forbidden: VerifyInput['forbiddenNames'],
  activeNames: readonly string[] = [],
): Array<{ id: string; names: string[] }> {
  const inUse = new Set(activeNames.map((n) => n.trim().toLocaleLowerCase('en-GB')));
  return forbidden.map(({ id, names }) => ({
    id,
    names: names.filter((n) => !inUse.has(n.trim().toLocaleLowerCase('en-GB'))),
  }));
}

/**
 * Blanks out the active appeals' names that contain a forbidden name, so that an active child
 * legitimately published as "Amy Smith-Jones" does not read as closed "Amy Smith". The closed name
 * anywhere else is still found.
 */
export function activeNameMask(
  forbidden: readonly string[],
  activeNames: readonly string[] = [],
): (text: string) => string {
  const forbiddenPattern = namePattern(forbidden);
  const containing = forbiddenPattern ? activeNames.filter((name) => forbiddenPattern.test(name)) : [];
  const mask = namePattern(containing);
  if (!mask) return (text) => text;
  const global = new RegExp(mask.source, 'giu');
  return (text) => text.replace(global, ' ');
}

export interface Finding {
  file: string;
  problem: string;
}

const IMAGE_RE = /\.(avif|webp|jpe?g|png|gif|svg)$/i;
const RASTER_RE = /\.(avif|webp|jpe?g|png|gif)$/i;

/** Files whose job is to name closed appeals' URLs: the removals feeds and the host configuration. */
const CLOSED_LINK_ALLOWED = [
  /^api\/v1\/removals\.json$/,
  /^feeds\/removals\.xml$/,
  /^_headers$/,
  /^_redirects$/,
  /^_gone\//,
];

export const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One case-insensitive, whole-word pattern for every forbidden name. */
export function namePattern(names: readonly string[]): RegExp | undefined {
  const parts = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  if (parts.length === 0) return undefined;
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${parts.map((p) => escapeRe(p).replace(/\s+/g, '[\\s\\u00a0_-]+')).join('|')})(?![\\p{L}\\p{N}])`,
    'iu',
  );
}

/** Text of a file as a reader would see it: gzip (Pagefind's files) decompressed first. */
function readAsText(file: string): string {
  const bytes = readFileSync(file);
  const content = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return content.toString('utf8');
}

/**
 * The source photo a published variant derives from: the photo step names variants
 * `<source hash>-<variant key>.<ext>` (src/lib/photos/photo-variants.ts).
 */
export function photoSource(file: string): string | undefined {
  return sourceOfVariant(path.basename(file));
}

/** Photo URLs an HTML page uses: src, srcset and Pagefind's image metadata. */
export function photoReferences(html: string): string[] {
  return [...html.matchAll(/\/_photos\/[^"'\s,)<>]+/g)].map((m) => m[0]);
}

export function verifyRelease(input: VerifyInput): Finding[] {
  const { releaseDir } = input;
  const findings: Finding[] = [];
  const files = filesUnder(releaseDir);

  // 1. Photos: only variants of the photos the active appeal pages show.
  const allowedSources = new Set<string>();
  for (const id of input.activeIds) {
    const page = path.join(releaseDir, 'appeals', id, 'index.html');
    if (!existsSync(page)) {
      findings.push({ file: path.relative(releaseDir, page), problem: `active appeal ${id} has no page` });
      continue;
    }
    for (const ref of photoReferences(readFileSync(page, 'utf8'))) {
      const source = photoSource(ref);
      if (source) allowedSources.add(source);
    }
  }
  const active = new Set(input.activeIds);
  for (const file of files.filter((f) => IMAGE_RE.test(f))) {
    // A share card is generated at build from the appeal's photo: only active appeals have one.
    const card = /^appeals\/([^/]+)\/share-card\.jpg$/.exec(file);
    if (card) {
      if (!active.has(card[1]!))
        findings.push({ file, problem: `share card for ${card[1]}, which is not an active appeal` });
      continue;
    }
    if (file.startsWith('_photos/')) {
      const source = photoSource(file);
      if (!source || !allowedSources.has(source))
        findings.push({ file, problem: 'photo does not derive from a photo of an active appeal' });
      continue;
    }
    const source = path.join(input.publicDir, file);
    if (!existsSync(source) || !readFileSync(source).equals(readFileSync(path.join(releaseDir, file)))) {
      findings.push({ file, problem: 'image is neither an active appeal photo nor a file from public/' });
    }
  }

  // 2. Closed pages: exactly the neutral notice, noindex, no images, at the appeal's URL and at
  // every page below it (the poster); nothing else may be published under a closed appeal's URL.
  const expected = closedNoticeText();
  // Files by the appeal URL they sit under, sorted once rather than searched per closed appeal.
  const underAppeal = new Map<string, string[]>();
  for (const file of files) {
    const id = /^appeals\/([^/]+)\//.exec(file)?.[1];
    if (!id) continue;
    const list = underAppeal.get(id);
    if (list) list.push(file);
    else underAppeal.set(id, [file]);
  }
  for (const id of input.closedIds) {
    const file = path.join('appeals', id, 'index.html');
    if (!existsSync(path.join(releaseDir, file))) {
      findings.push({
        file,
        problem: `closed appeal ${id} has no page; its URL must keep answering with the notice`,
      });
    }
    for (const below of underAppeal.get(id) ?? []) {
      if (!below.endsWith('.html')) {
        findings.push({
          file: below,
          problem: `closed appeal ${id} still publishes a file other than its notice`,
        });
        continue;
      }
      const doc = parse(readFileSync(path.join(releaseDir, below), 'utf8'));
      const text = doc
        .querySelectorAll('main h1, main p')
        .map((el) => el.textContent.replace(/\s+/g, ' ').trim());
      if (JSON.stringify(text) !== JSON.stringify(expected))
        findings.push({
          file: below,
          problem: `closed appeal page is not exactly the neutral notice: ${JSON.stringify(text)}`,
        });
      if (doc.querySelector('meta[name="robots"]')?.getAttribute('content') !== 'noindex')
        findings.push({ file: below, problem: 'closed appeal page is not marked noindex' });
      if (doc.querySelectorAll('main img, main picture, meta[property="og:image"]').length > 0)
        findings.push({ file: below, problem: 'closed appeal page shows an image' });
    }
  }

  // 3. One pass over every file's name and text (raster images: names only):
  // - archived names may appear nowhere;
  // - only the removals feeds and the host files may name a closed appeal's URL: a feed, sitemap,
  //   listing or embed that still does is offering a closed appeal as active.
  const forbidden = namesToScan(input.forbiddenNames, input.activeNames);
  const names = namePattern(forbidden.flatMap((f) => f.names));
  const owner = (found: string) => forbidden.find((f) => namePattern(f.names)?.test(found))?.id ?? 'unknown';
  const unmask = activeNameMask(
    forbidden.flatMap((f) => f.names),
    input.activeNames,
  );
  const closedLink =
    input.closedIds.length > 0
      ? new RegExp(`/appeals/(${input.closedIds.map(escapeRe).join('|')})(?:/|\\b)`)
      : undefined;
  if (names || closedLink) {
    for (const file of files) {
      const inName = names?.exec(unmask(file));
      if (inName)
        findings.push({
          file,
          problem: `file name contains "${inName[0]}", a name from closed appeal ${owner(inName[0])}`,
        });
      if (RASTER_RE.test(file)) continue;
      const text = readAsText(path.join(releaseDir, file));
      const inText = names?.exec(unmask(text));
      if (inText)
        findings.push({
          file,
          problem: `contains "${inText[0]}", a name from closed appeal ${owner(inText[0])}`,
        });
      if (!closedLink || CLOSED_LINK_ALLOWED.some((allowed) => allowed.test(file))) continue;
      const link = closedLink.exec(text);
      if (link && !file.startsWith(`appeals/${link[1]}/`))
        findings.push({ file, problem: `links to closed appeal ${link[1]}` });
    }
  }
  return findings;
}
