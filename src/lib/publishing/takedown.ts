import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { checkedAppealIds } from '../model/appeal-id.ts';
import { ASSET_DIRS, CLOSED_NOTICE_FILE, GONE_DIR } from '../hosting/host-config.ts';
import { photoReferences, photoSource } from './verify-release.ts';

/**
 * The immediate takedown: a copy of the live release with the newly closed appeals cut out, made in
 * seconds instead of a full build. It is only a candidate: republish verifies it in full like any
 * build and publishes it only if verification passes, then runs the full build as usual.
 *
 * Files are hard links to the live release's, so a file is never changed in place: a changed file
 * is written anew and renamed over its link (`replaceFile`).
 *
 * What identifies an appeal in the output, generically by file type (new outputs must carry these):
 * - HTML: the outermost element of each card or mention carries `data-appeal-id="<id>"`;
 * - XML (RSS, Atom, sitemaps): an `<item>`, `<entry>` or `<url>` whose text links to `/appeals/<id>/`;
 * - JSON: an object with `"id": "<id>"` inside an array;
 * - files of its own: everything under `/appeals/<id>/`, and any file named `<id>.<ext>` or in a
 *   folder named `<id>` (share cards, posters).
 */

const checkedIds = (ids: readonly string[]) => checkedAppealIds(ids, 'Takedown');

/**
 * Removes every element carrying `data-appeal-id` of one of `ids`, byte for byte everything else.
 * A list item (`<li>`) left holding nothing but the removed element goes with it.
 */
export function removeAppealElements(
  html: string,
  ids: readonly string[],
): { html: string; removed: number } {
  checkedIds(ids);
  if (!ids.some((id) => html.includes(`data-appeal-id="${id}"`))) return { html, removed: 0 };
  const doc = parse(html, {
    comment: true,
    blockTextElements: { script: true, style: true, pre: true, noscript: true },
  });
  const ranges: Array<readonly [number, number]> = [];
  for (const id of ids) {
    for (const element of doc.querySelectorAll(`[data-appeal-id="${id}"]`)) {
      const parent = element.parentNode;
      const alone =
        parent?.tagName === 'LI' &&
        parent.childNodes.every((child) => child === element || child.textContent.trim() === '');
      ranges.push(alone ? parent.range : element.range);
    }
  }
  // Outermost first; nested matches inside a removed range are dropped with it.
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let cursor = 0;
  let removed = 0;
  for (const [start, end] of ranges) {
    if (start < cursor) continue;
    out += html.slice(cursor, start);
    cursor = end;
    removed++;
  }
  return { html: out + html.slice(cursor), removed };
}

const linksTo = (text: string, id: string) => new RegExp(`/appeals/${id}(?![0-9])`).test(text);

/** Removes RSS `<item>`, Atom `<entry>` and sitemap `<url>` entries that link to one of `ids`. */
export function removeXmlEntries(xml: string, ids: readonly string[]): { xml: string; removed: number } {
  checkedIds(ids);
  let removed = 0;
  const out = xml.replace(/[ \t]*<(item|entry|url)(?:\s[^>]*)?>[\s\S]*?<\/\1>[ \t]*\r?\n?/g, (entry) => {
    if (!ids.some((id) => linksTo(entry, id))) return entry;
    removed++;
    return '';
  });
  return { xml: out, removed };
}

/** Removes, at any depth, array entries that are objects whose `id` is one of `ids`. */
export function removeJsonEntries(
  value: unknown,
  ids: readonly string[],
): { value: unknown; removed: number } {
  checkedIds(ids);
  const closing = new Set(ids);
  let removed = 0;
  const isClosing = (item: unknown) =>
    typeof item === 'object' &&
    item !== null &&
    !Array.isArray(item) &&
    closing.has((item as { id?: unknown }).id as string);
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node.filter((item) => (isClosing(item) ? (removed++, false) : true)).map(walk);
    }
    if (typeof node === 'object' && node !== null)
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return { value: walk(value), removed };
}

/** JSON text with one of `ids` removed, keeping the file's indentation; undefined when nothing changes. */
export function removeJsonTextEntries(text: string, ids: readonly string[]): string | undefined {
  const { value, removed } = removeJsonEntries(JSON.parse(text), ids);
  if (removed === 0) return undefined;
  const indent = /^[[{]\s*\n(\s+)/.exec(text)?.[1];
  return `${JSON.stringify(value, null, indent)}${text.endsWith('\n') ? '\n' : ''}`;
}

/** Files that belong to one appeal alone: its pages, and files or folders named after its id. */
export function ownedByAppeal(file: string, id: string): boolean {
  const parts = file.split(/[\\/]/);
  if (parts[0] === 'appeals' && parts[1] === id) return true;
  return parts.some((part, i) => part === id || (i === parts.length - 1 && part.startsWith(`${id}.`)));
}

/** Writes `content` as a new file and renames it over `file`, so a hard-linked original is never changed. */
export function replaceFile(file: string, content: string | Buffer): void {
  const temp = `${file}.takedown-${process.pid}`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

/** Links made between two yields to the event loop (about 10 ms of work). */
const LINKS_PER_TURN = 1000;

/**
 * Hard-links every file of `from` into `to` (created), except top-level entries in `skip` and
 * files `leaveOut` names, and returns the files linked. `listed`, the files of `from` as its
 * manifest lists them, spares walking its folders (tens of thousands at 10,000 appeals). The links
 * are made in short synchronous runs (a link is a few microseconds; one promise each would cost
 * more than the link), yielding between runs so that other work (Pagefind indexing in its own
 * process, fed through a pipe) goes on.
 */
export async function linkTree(
  from: string,
  to: string,
  skip: ReadonlySet<string> = new Set(),
  leaveOut: (file: string) => boolean = () => false,
  listed?: readonly string[],
): Promise<string[]> {
  if (listed) {
    const files = listed.filter((f) => !skip.has(f.split('/')[0]!) && !leaveOut(f));
    const made = new Set<string>();
    for (let i = 0; i < files.length; i++) {
      const target = path.join(to, files[i]!);
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      linkSync(path.join(from, files[i]!), target);
      if (i % LINKS_PER_TURN === LINKS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    mkdirSync(to, { recursive: true });
    return files;
  }
  const files: string[] = [];
  const walk = (rel: string) => {
    mkdirSync(path.join(to, rel), { recursive: true });
    for (const entry of readdirSync(path.join(from, rel), { withFileTypes: true })) {
      if (rel === '' && skip.has(entry.name)) continue;
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) {
        if (!leaveOut(child)) files.push(child);
      } else
        throw new Error(
          `Takedown: unexpected ${entry.isSymbolicLink() ? 'symbolic link' : 'special file'} ${child} in the live release`,
        );
    }
  };
  walk('');
  for (let i = 0; i < files.length; i++) {
    linkSync(path.join(from, files[i]!), path.join(to, files[i]!));
    if (i % LINKS_PER_TURN === LINKS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  return files;
}

export interface TakedownInput {
  /** The live release to start from. */
  liveDir: string;
  /** Its files, as its manifest lists them (else its folders are walked). */
  liveFiles?: readonly string[];
  /** Where to make the candidate; must not exist yet. */
  stagingDir: string;
  /** Appeals the live release shows that are now closed. */
  closingIds: readonly string[];
}

export interface TakedownResult {
  linkedFiles: number;
  /** The files linked from the live release and left as they were. */
  unchanged: string[];
  rewrittenFiles: string[];
  removedFiles: string[];
  removedMentions: number;
}

/** The top-level entries the takedown regenerates rather than copies. */
export const REGENERATED = new Set<string>([ASSET_DIRS.search, '_headers', '_redirects', GONE_DIR]);

/**
 * Makes the takedown candidate in `stagingDir` from the live release, without the search index and
 * host files: the caller rebuilds those for the new set of appeals (`buildSearchIndex`,
 * `writeHostFiles`) and then verifies the whole candidate. Throws on anything unexpected.
 */
export async function stageTakedown(input: TakedownInput): Promise<TakedownResult> {
  const ids = checkedIds(input.closingIds);
  if (ids.length === 0) throw new Error('Takedown: no appeal to take down');
  if (existsSync(input.stagingDir)) throw new Error(`Takedown: ${input.stagingDir} already exists`);
  const noticeFile = path.join(input.liveDir, CLOSED_NOTICE_FILE);
  if (!existsSync(noticeFile))
    throw new Error(`Takedown: the live release has no ${CLOSED_NOTICE_FILE} to reuse`);
  // The build renders a closed appeal's URL with the very same component as this page.
  const notice = readFileSync(noticeFile);

  // Photo sources each closing appeal's page uses, read before anything changes.
  const closingSources = new Set<string>();
  for (const id of ids) {
    const page = path.join(input.liveDir, 'appeals', id, 'index.html');
    if (!existsSync(page)) throw new Error(`Takedown: the live release has no page for ${id}`);
    for (const ref of photoReferences(readFileSync(page, 'utf8'))) {
      const source = photoSource(ref);
      if (source) closingSources.add(source);
    }
  }

  // The appeal's own files (its pages, files named after it) and every variant of its photos are
  // never linked into the candidate at all.
  const removedFiles: string[] = [];
  const owned = (file: string) => {
    const source = file.startsWith(`${ASSET_DIRS.photos}/`) ? photoSource(file) : undefined;
    const gone =
      ids.some((id) => ownedByAppeal(file, id)) || (source !== undefined && closingSources.has(source));
    if (gone) removedFiles.push(file);
    return gone;
  };
  const linked = await linkTree(input.liveDir, input.stagingDir, REGENERATED, owned, input.liveFiles);
  const linkedFiles = linked.length;
  const staging = input.stagingDir;
  const rewrittenFiles: string[] = [];
  let removedMentions = 0;
  const marks = ids.map((id) => Buffer.from(id));

  for (const file of linked) {
    // Photos and hashed scripts and styles never hold appeal data; verification still reads them.
    if (file.startsWith(`${ASSET_DIRS.photos}/`) || file.startsWith(`${ASSET_DIRS.astro}/`)) continue;
    const ext = path.extname(file).toLowerCase();
    if (!['.html', '.htm', '.xml', '.rss', '.atom', '.json'].includes(ext)) continue;
    const full = path.join(staging, file);
    // Most files never mention the appeal: look for its id in the bytes before decoding any text.
    const bytes = readFileSync(full);
    if (!marks.some((mark) => bytes.includes(mark))) continue;
    const text = bytes.toString('utf8');
    let next: string | undefined;
    if (ext === '.html' || ext === '.htm') {
      const r = removeAppealElements(text, ids);
      removedMentions += r.removed;
      if (r.removed > 0) next = r.html;
    } else if (ext === '.json') {
      next = removeJsonTextEntries(text, ids);
      if (next !== undefined) removedMentions++;
    } else {
      const r = removeXmlEntries(text, ids);
      removedMentions += r.removed;
      if (r.removed > 0) next = r.xml;
    }
    if (next !== undefined) {
      replaceFile(full, next);
      rewrittenFiles.push(file);
    }
  }

  // Each closed URL keeps answering, with exactly the page the build gives a closed appeal.
  for (const id of ids) {
    const page = path.join(staging, 'appeals', id, 'index.html');
    // Emptied sub-page folders (a poster, say) go too.
    rmSync(path.dirname(page), { recursive: true, force: true });
    mkdirSync(path.dirname(page), { recursive: true });
    writeFileSync(page, notice);
    rewrittenFiles.push(path.relative(staging, page));
  }
  const rewritten = new Set(rewrittenFiles);
  const unchanged = linked.filter((f) => !rewritten.has(f));
  return { linkedFiles, unchanged, rewrittenFiles, removedFiles, removedMentions };
}
