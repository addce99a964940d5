import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appealDir, appealFileIn, idFolder } from '../content/appeal-folder.ts';
import { isClosedStatus } from '../model/appeal-schema.ts';
import { FrontmatterError, parseMarkdownFile } from '../content/frontmatter.ts';
import { writeAtomically } from '../files/atomic-write.ts';
import { foldedPhrase, phrasePattern, readableText } from '../model/name-matching.ts';
import { foldText } from '../model/text-fold.ts';
import { listReleases, ManifestError, readManifest, releasesDir } from './releases.ts';
import { photoSource, sourceHash } from '../photos/photo-variants.ts';
import { photoReferences } from '../release-files/page-references.ts';
import type { Finding } from './verify-release.ts';

/**
 * A retraction: another name or a photo taken off an active appeal (a family asked). It is a closure
 * in miniature: once a release without it is published, no release may show it again. The archive
 * keeps what verification needs, per appeal: the names as written and the photos' source hashes.
 */
export interface Retraction {
  id: string;
  names: string[];
  photos: string[];
}

const FILE = 'retracted.json';
const API_FILE = 'api/v1/appeals.json';

export function readRetractions(archiveDir: string): Retraction[] {
  const file = path.join(archiveDir, FILE);
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as Retraction[];
}

/** What an appeal shows now, in the content: its names and its photos' source hashes. */
function shownInContent(contentDir: string, id: string): { names: string[]; photos: string[] } | undefined {
  const dir = appealDir(contentDir, id);
  if (!existsSync(appealFileIn(dir))) return undefined;
  let data: Record<string, unknown>;
  try {
    data = parseMarkdownFile(readFileSync(appealFileIn(dir), 'utf8')).data;
  } catch (error) {
    // Broken: validation says so and nothing is published; the next republish looks again.
    if (error instanceof FrontmatterError) return undefined;
    throw error;
  }
  const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  const knownAs: unknown[] = Array.isArray(data.knownAs) ? data.knownAs : [];
  const names = [data.name, ...knownAs].filter(text);
  const photos: string[] = [];
  for (const photo of Array.isArray(data.photos) ? (data.photos as unknown[]) : []) {
    const src = (photo as { src?: unknown } | null)?.src;
    const file = text(src) ? path.join(dir, src) : undefined;
    if (!file || !existsSync(file)) return undefined;
    photos.push(sourceHash(readFileSync(file)));
  }
  return { names, photos };
}

function isClosedAppeal(contentDir: string, id: string): boolean {
  try {
    return isClosedStatus(
      parseMarkdownFile(readFileSync(appealFileIn(appealDir(contentDir, id)), 'utf8')).data.status,
    );
  } catch {
    return false;
  }
}

/** Each appeal's name and other names as a release's API lists them. */
function apiNames(releaseDir: string): Map<string, string[]> {
  const file = path.join(releaseDir, API_FILE);
  const out = new Map<string, string[]>();
  if (!existsSync(file)) return out;
  const { appeals } = JSON.parse(readFileSync(file, 'utf8')) as {
    appeals?: Array<{ id: string; name?: string; knownAs?: string[] }>;
  };
  for (const a of appeals ?? []) out.set(a.id, [a.name ?? '', ...(a.knownAs ?? [])].filter(Boolean));
  return out;
}

const pagePhotos = (releaseDir: string, id: string) => {
  const page = path.join(releaseDir, 'appeals', id, 'index.html');
  if (!existsSync(page)) return [];
  return photoReferences(readFileSync(page, 'utf8')).flatMap((ref) => photoSource(ref) ?? []);
};

/**
 * What the live release shows of `ids` (still active, edited since) that their content no longer
 * has: the retractions this republish publishes.
 */
export function retractedSince(liveDir: string, contentDir: string, ids: readonly string[]): Retraction[] {
  if (ids.length === 0) return [];
  const names = apiNames(liveDir);
  const out: Retraction[] = [];
  for (const id of ids) {
    const now = shownInContent(contentDir, id);
    if (!now) continue;
    const kept = new Set(now.names.map(foldedPhrase));
    const gone = (names.get(id) ?? []).filter((n) => !kept.has(foldedPhrase(n)));
    const photos = [...new Set(pagePhotos(liveDir, id))].filter((p) => !now.photos.includes(p));
    if (gone.length > 0 || photos.length > 0) out.push({ id, names: gone, photos });
  }
  return out;
}

/**
 * Adds `found` to the archive's record, and lifts what the content shows again (a name put back on
 * purpose). Returns the record. Written under the publish lock, so never by two at once.
 */
export function recordRetractions(archiveDir: string, contentDir: string, found: Retraction[]): Retraction[] {
  const byId = new Map(readRetractions(archiveDir).map((r) => [r.id, r]));
  for (const r of found) {
    const had = byId.get(r.id) ?? { id: r.id, names: [], photos: [] };
    byId.set(r.id, {
      id: r.id,
      names: [...new Set([...had.names, ...r.names])],
      photos: [...new Set([...had.photos, ...r.photos])],
    });
  }
  const before = JSON.stringify([...byId.values()]);
  for (const [id, r] of byId) {
    // Purged: the child's data is deleted for ever, this record with it.
    if (isClosedAppeal(contentDir, id) && !existsSync(idFolder(archiveDir, id))) {
      byId.delete(id);
      continue;
    }
    const now = shownInContent(contentDir, id);
    if (!now) continue;
    const shown = new Set(now.names.map(foldedPhrase));
    r.names = r.names.filter((n) => !shown.has(foldedPhrase(n)));
    r.photos = r.photos.filter((p) => !now.photos.includes(p));
    if (r.names.length === 0 && r.photos.length === 0) byId.delete(id);
  }
  const record = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  if (found.length > 0 || JSON.stringify(record) !== before) {
    mkdirSync(archiveDir, { recursive: true });
    writeAtomically(path.join(archiveDir, FILE), `${JSON.stringify(record, null, 2)}\n`);
  }
  return record;
}

/**
 * Where a release shows something retracted: a variant of a retracted photo anywhere; a retracted
 * name in the pages under the appeal's address (its page, its poster) or its entry in the API. One-word other
 * names are looked for only there: elsewhere "May" or "Will" is an everyday word.
 */
export function retractionFindings(
  releaseDir: string,
  files: readonly string[],
  retractions: readonly Retraction[],
): Finding[] {
  if (retractions.length === 0) return [];
  const findings: Finding[] = [];
  const photos = new Map(retractions.flatMap((r) => r.photos.map((p) => [p, r.id] as const)));
  const withNames = retractions.filter((r) => r.names.length > 0);
  const api = withNames.length > 0 ? apiNames(releaseDir) : new Map<string, string[]>();
  const named = new Set(withNames.map((r) => r.id));
  // One pass over the files, however many retractions: a takedown must not get slower.
  const pages = new Map<string, string[]>();
  for (const file of files) {
    const source = file.startsWith('_photos/') ? photoSource(file) : undefined;
    if (source && photos.has(source))
      findings.push({ kind: 'photo', file, problem: `a photo retracted from appeal ${photos.get(source)}` });
    const id = /^appeals\/([^/]+)\/.*\.html$/.exec(file)?.[1];
    if (id && named.has(id)) pages.set(id, [...(pages.get(id) ?? []), file]);
  }
  for (const { id, names } of withNames) {
    const pattern = phrasePattern(names);
    if (!pattern) continue;
    for (const file of pages.get(id) ?? []) {
      const found = pattern.exec(
        foldText(readableText(readFileSync(path.join(releaseDir, file), 'utf8'), 'html')),
      );
      if (found)
        findings.push({
          kind: 'name',
          file,
          problem: `contains "${found[0]}", a name retracted from appeal ${id}`,
        });
    }
    const listed = (api.get(id) ?? []).find((n) => pattern.test(foldText(n)));
    if (listed)
      findings.push({
        kind: 'name',
        file: API_FILE,
        problem: `lists "${listed}", a name retracted from appeal ${id}`,
      });
  }
  return findings;
}

/** Releases other than `keep` that show something retracted since: none may survive, like those showing a closed appeal. */
export function releasesShowingRetracted(
  deployDir: string,
  retractions: readonly Retraction[],
  keep: string,
): string[] {
  if (retractions.length === 0) return [];
  return listReleases(deployDir).filter((name) => {
    if (name === keep) return false;
    // An unreadable manifest: releasesShowing deletes that release already.
    let files: string[];
    try {
      files = Object.keys(readManifest(deployDir, name).files);
    } catch (error) {
      if (error instanceof ManifestError) return false;
      throw error;
    }
    return retractionFindings(path.join(releasesDir(deployDir), name), files, retractions).length > 0;
  });
}
