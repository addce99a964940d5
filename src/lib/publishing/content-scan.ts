import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FrontmatterError, parseMarkdownFile } from '../content/frontmatter.ts';
import { isAppealId } from '../model/appeal-id.ts';
import { APPEAL_FILE, appealDir, appealFileIn, appealsDir } from '../content/appeal-folder.ts';
import { isClosedStatus } from '../model/appeal-schema.ts';

/**
 * A quick read of the content for publishing, before (and apart from) its full validation: each
 * appeal's status, its names, a digest of its content, and a tombstone's dates. A closure is taken
 * down on this alone: removing an appeal cannot publish anything wrong, and a closed child must
 * not wait while every other appeal's photos are checked (about 5 s at 10,000 appeals). The full
 * validation still runs before anything is added or rebuilt.
 */
export interface ScannedAppeal {
  id: string;
  /** `found` or `withdrawn` (closed), or anything else (treated as active here). */
  closed: boolean;
  /** Its name and other names, as written, for verification. */
  names: string[];
  /** A fingerprint of its index.md and the sizes of its photo files. */
  digest: string;
  closedAt?: string | undefined;
  updated?: string | undefined;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The digest of appeal folder `dir` whose index.md is `source`: the manifest keeps it per shown appeal. */
export function folderDigest(dir: string, source: Buffer = readFileSync(appealFileIn(dir))): string {
  const hash = createHash('sha256').update(source);
  for (const entry of readdirSync(dir).sort())
    if (entry !== APPEAL_FILE) hash.update(`\n${entry}:${statSync(path.join(dir, entry)).size}`);
  return hash.digest('base64url').slice(0, 22);
}

/** The appeal folders under `<contentDir>/appeals/`, read as they are now. */
export function scanAppeals(contentDir: string): ScannedAppeal[] {
  const folder = appealsDir(contentDir);
  if (!existsSync(folder)) return [];
  const out: ScannedAppeal[] = [];
  for (const id of readdirSync(folder).sort()) {
    if (!isAppealId(id)) continue;
    const dir = appealDir(contentDir, id);
    const file = appealFileIn(dir);
    if (!existsSync(file)) continue;
    const source = readFileSync(file);
    let data: Record<string, unknown> = {};
    try {
      data = parseMarkdownFile(source.toString('utf8')).data;
    } catch (error) {
      // Broken frontmatter: the full validation names it; here the appeal simply counts as changed.
      if (!(error instanceof FrontmatterError)) throw error;
    }
    const knownAs = Array.isArray(data.knownAs) ? data.knownAs.map(text) : [];
    out.push({
      id,
      closed: isClosedStatus(data.status),
      names: [text(data.name), ...knownAs].filter((n): n is string => n !== undefined),
      digest: folderDigest(dir, source),
      closedAt: text(data.closedAt),
      updated: text(data.updated),
    });
  }
  return out;
}
