import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { closedNoticeText } from '../outputs/closed-notice.ts';
import { localeOfPath } from '../i18n/locales.ts';
import {
  type ClosedNames,
  escapeRe,
  foldedPhrase,
  identifyingPhrases,
  phrasePattern,
  readableText,
} from '../model/name-matching.ts';
import { foldText } from '../model/text-fold.ts';
import { filesUnder } from './file-tree.ts';
import { photoSource } from '../photos/photo-variants.ts';
import { photoReferences } from '../release-files/page-references.ts';
import { retractionFindings, type Retraction } from './retractions.ts';

/**
 * Checks a built release before it can go live. By allow-list: every published photo must be one
 * an active appeal's page uses, and every closed id's page must be exactly the neutral notice.
 * By deny-list: no file, file name or decompressed search file may contain an archived name.
 */

export interface VerifyInput {
  releaseDir: string;
  /** Every file of the release, when the caller has listed it already. */
  files?: readonly string[];
  activeIds: readonly string[];
  closedIds: readonly string[];
  /** Names and other names of closed appeals, from the private archive. */
  forbiddenNames: readonly ClosedNames[];
  /** Where non-photo images (the favicon) come from; each must match byte for byte. */
  publicDir: string;
  /**
   * Names and other names of active appeals. A closed child's phrase that names an active child
   * too ("Jay Smith") is published legitimately for that child, so it is not searched for.
   */
  activeNames?: readonly string[];
  /** Names and photos taken off active appeals since, from the private archive: shown nowhere again. */
  retracted?: readonly Retraction[];
}

/** A closed child's phrase that is also the whole name of an active child: not searched for. */
export interface SharedName {
  /** The closed appeal it belongs to. */
  closedId: string;
  /** The active child's name or other name, as written. */
  name: string;
}

/**
 * What is searched for, per closed appeal: its identifying phrases (src/lib/model/name-matching.ts),
 * less those that an active child's name or other name matches whole ("Jay Smith" closed, "Jay
 * Smith" or "Jay Smyth" active… as matching reads them): those are published legitimately for the
 * active child, so they cannot be searched for, and are listed in `shared` for people to be told.
 */
export function phrasesToScan(
  forbidden: VerifyInput['forbiddenNames'],
  activeNames: readonly string[] = [],
): { scan: Array<{ id: string; phrases: string[] }>; shared: SharedName[] } {
  const all = forbidden.map(({ id, name, knownAs }) => ({ id, phrases: identifyingPhrases(name, knownAs) }));
  const shared: SharedName[] = [];
  const dropped = new Set<string>();
  // One pattern for every phrase, anchored, run once per active name: linear in both.
  const any = phrasePattern(all.flatMap((f) => f.phrases));
  const whole = any && new RegExp(`^(?:${any.source})$`, 'u');
  if (whole) {
    for (const name of activeNames) {
      const folded = foldedPhrase(name);
      if (!whole.test(folded)) continue;
      for (const { id, phrases } of all) {
        for (const phrase of phrases) {
          const one = phrasePattern([phrase])!;
          if (!new RegExp(`^(?:${one.source})$`, 'u').test(folded)) continue;
          dropped.add(`${id}\n${phrase}`);
          if (!shared.some((s) => s.closedId === id && s.name === name)) shared.push({ closedId: id, name });
        }
      }
    }
  }
  return {
    scan: all.map(({ id, phrases }) => ({ id, phrases: phrases.filter((p) => !dropped.has(`${id}\n${p}`)) })),
    shared,
  };
}

/** Active children's names that are also a closed child's: verification cannot look for them. */
export function sharedNames(
  forbidden: VerifyInput['forbiddenNames'],
  activeNames: readonly string[] = [],
): SharedName[] {
  return phrasesToScan(forbidden, activeNames).shared;
}

/**
 * Blanks out, in folded text, the active appeals' names that contain a forbidden phrase, so that
 * an active child legitimately published as "Amy Smith-Jones" does not read as closed "Amy Smith".
 * The closed name anywhere else is still found.
 */
export function activeNameMask(
  forbidden: readonly string[],
  activeNames: readonly string[] = [],
): (folded: string) => string {
  const forbiddenPattern = phrasePattern(forbidden);
  const containing = forbiddenPattern
    ? activeNames.filter((name) => forbiddenPattern.test(foldedPhrase(name)))
    : [];
  const mask = phrasePattern(containing, 'g');
  if (!mask) return (text) => text;
  return (text) => text.replace(mask, ' ');
}

export interface Finding {
  /**
   * Which rule: an active appeal without its page, a photo or image not allowed, a closed appeal's
   * address not showing exactly the notice, a closed child's name, a link to a closed appeal.
   */
  kind: 'active-page' | 'photo' | 'closed-page' | 'name' | 'link';
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

/** Text of a file as a reader would see it: gzip (Pagefind's files) decompressed first. */
function readAsText(file: string): string {
  const bytes = readFileSync(file);
  const content = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return content.toString('utf8');
}

export function verifyRelease(input: VerifyInput): Finding[] {
  const files = input.files ?? filesUnder(input.releaseDir);
  return [...verifyPages({ ...input, files }), ...scanFiles(input, files)];
}

/** Files a worker thread scans at the least: below this, starting one costs more than it saves. */
const FILES_PER_THREAD = 20_000;

/**
 * `verifyRelease` with its one pass over every file split between this thread and worker threads
 * (src/lib/publishing/verify-worker.ts): the same findings, in the same order, about twice as soon
 * on two cores for a large release.
 */
export async function verifyReleaseInParallel(
  input: VerifyInput,
  threads = 2,
  filesPerThread = FILES_PER_THREAD,
): Promise<Finding[]> {
  const files = input.files ?? filesUnder(input.releaseDir);
  const parts = Math.max(1, Math.min(threads, Math.floor(files.length / filesPerThread)));
  if (parts === 1) return verifyRelease({ ...input, files });
  const size = Math.ceil(files.length / parts);
  const slices = Array.from({ length: parts }, (_, i) => files.slice(i * size, (i + 1) * size));
  const { files: _all, ...shared } = input;
  const others = slices.slice(1).map(
    (slice) =>
      new Promise<Finding[]>((resolve, reject) => {
        const worker = new Worker(new URL('./verify-worker.ts', import.meta.url), {
          workerData: { input: shared, files: slice },
        });
        worker.once('message', (found: Finding[]) => resolve(found));
        worker.once('error', reject);
        worker.once(
          'exit',
          (code) => code !== 0 && reject(new Error(`verification thread exited with ${code}`)),
        );
      }),
  );
  // This thread checks the pages and scans the first slice while the workers scan the rest.
  const own = [...verifyPages({ ...input, files }), ...scanFiles(input, slices[0]!)];
  return [...own, ...(await Promise.all(others)).flat()];
}

/** Parts 1 and 2: photos and closed appeals' pages. */
function verifyPages(input: VerifyInput & { files: readonly string[] }): Finding[] {
  const { releaseDir, files } = input;
  const findings: Finding[] = [];

  // 1. Photos: only variants of the photos the active appeal pages show.
  const allowedSources = new Set<string>();
  for (const id of input.activeIds) {
    const page = path.join(releaseDir, 'appeals', id, 'index.html');
    if (!existsSync(page)) {
      findings.push({
        kind: 'active-page',
        file: path.relative(releaseDir, page),
        problem: `active appeal ${id} has no page`,
      });
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
        findings.push({
          kind: 'photo',
          file,
          problem: `share card for ${card[1]}, which is not an active appeal`,
        });
      continue;
    }
    if (file.startsWith('_photos/')) {
      const source = photoSource(file);
      if (!source || !allowedSources.has(source))
        findings.push({
          kind: 'photo',
          file,
          problem: 'photo does not derive from a photo of an active appeal',
        });
      continue;
    }
    const source = path.join(input.publicDir, file);
    if (!existsSync(source) || !readFileSync(source).equals(readFileSync(path.join(releaseDir, file)))) {
      findings.push({
        kind: 'photo',
        file,
        problem: 'image is neither an active appeal photo nor a file from public/',
      });
    }
  }

  // 2. Closed pages: exactly the neutral notice, noindex, no images, at the appeal's URL and at
  // every page below it (the poster); nothing else may be published under a closed appeal's URL.
  // Files by the appeal URL they sit under, in either language, sorted once rather than searched per closed appeal.
  const underAppeal = new Map<string, string[]>();
  for (const file of files) {
    const id = /^(?:cy\/)?appeals\/([^/]+)\//.exec(file)?.[1];
    if (!id) continue;
    const list = underAppeal.get(id);
    if (list) list.push(file);
    else underAppeal.set(id, [file]);
  }
  for (const id of input.closedIds) {
    const file = path.join('appeals', id, 'index.html');
    if (!existsSync(path.join(releaseDir, file))) {
      findings.push({
        kind: 'closed-page',
        file,
        problem: `closed appeal ${id} has no page; its URL must keep answering with the notice`,
      });
    }
    for (const below of underAppeal.get(id) ?? []) {
      if (!below.endsWith('.html')) {
        findings.push({
          kind: 'closed-page',
          file: below,
          problem: `closed appeal ${id} still publishes a file other than its notice`,
        });
        continue;
      }
      const doc = parse(readFileSync(path.join(releaseDir, below), 'utf8'));
      const expected = closedNoticeText(localeOfPath(`/${below}`));
      const text = doc
        .querySelectorAll('main h1, main p')
        .map((el) => el.textContent.replace(/\s+/g, ' ').trim());
      if (JSON.stringify(text) !== JSON.stringify(expected))
        findings.push({
          kind: 'closed-page',
          file: below,
          problem: `closed appeal page is not exactly the neutral notice: ${JSON.stringify(text)}`,
        });
      if (doc.querySelector('meta[name="robots"]')?.getAttribute('content') !== 'noindex')
        findings.push({
          kind: 'closed-page',
          file: below,
          problem: 'closed appeal page is not marked noindex',
        });
      if (doc.querySelectorAll('main img, main picture, meta[property="og:image"]').length > 0)
        findings.push({ kind: 'closed-page', file: below, problem: 'closed appeal page shows an image' });
    }
  }

  findings.push(...retractionFindings(releaseDir, files, input.retracted ?? []));
  return findings;
}

/**
 * Part 3, one pass over `files`' names and text (raster images: names only):
 * - no closed child's identifying phrase may appear anywhere, however it is written;
 * - only the removals feeds and the host files may name a closed appeal's URL: a feed, sitemap,
 *   listing or embed that still does is offering a closed appeal as active.
 */
export function scanFiles(input: Omit<VerifyInput, 'files'>, files: readonly string[]): Finding[] {
  const { releaseDir } = input;
  const findings: Finding[] = [];
  const forbidden = phrasesToScan(input.forbiddenNames, input.activeNames).scan;
  const names = phrasePattern(forbidden.flatMap((f) => f.phrases));
  const owners = forbidden.map((f) => ({ id: f.id, pattern: phrasePattern(f.phrases) }));
  const owner = (found: string) => owners.find((o) => o.pattern?.test(found))?.id ?? 'unknown';
  const unmask = activeNameMask(
    forbidden.flatMap((f) => f.phrases),
    input.activeNames,
  );
  const nameIn = (text: string, kind: 'html' | 'other') =>
    names?.exec(unmask(foldText(readableText(text, kind))))?.[0].replace(/\s+/g, ' ');
  const closedLink =
    input.closedIds.length > 0
      ? new RegExp(`/appeals/(${input.closedIds.map(escapeRe).join('|')})(?:/|\\b)`)
      : undefined;
  if (names || closedLink) {
    for (const file of files) {
      const inName = nameIn(file, 'other');
      if (inName)
        findings.push({
          kind: 'name',
          file,
          problem: `file name contains "${inName}", a name from closed appeal ${owner(inName)}`,
        });
      if (RASTER_RE.test(file)) continue;
      const text = readAsText(path.join(releaseDir, file));
      const inText = nameIn(text, /\.html?$/i.test(file) ? 'html' : 'other');
      if (inText)
        findings.push({
          kind: 'name',
          file,
          problem: `contains "${inText}", a name from closed appeal ${owner(inText)}`,
        });
      if (!closedLink || CLOSED_LINK_ALLOWED.some((allowed) => allowed.test(file))) continue;
      const link = closedLink.exec(text);
      if (link && !file.startsWith(`appeals/${link[1]}/`) && !file.startsWith(`cy/appeals/${link[1]}/`))
        findings.push({ kind: 'link', file, problem: `links to closed appeal ${link[1]}` });
    }
  }
  return findings;
}
