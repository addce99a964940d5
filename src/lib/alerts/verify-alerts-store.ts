import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { appealFileIn, idFolder } from '../content/appeal-folder.ts';
import { parseMarkdownFile } from '../content/frontmatter.ts';
import { isAppealId } from '../model/appeal-id.ts';
import { escapeRe, identifyingPhrases, phrasePattern } from '../model/name-matching.ts';
import { foldText } from '../model/text-fold.ts';
import { ALERTS_DB_FILE } from './alerts-store.ts';

/**
 * Verification of the alerts service's private store after closures (issue 21): no personal data
 * of a closed child in any row of its database, any file of its data folder (the database file
 * itself read raw, so a deleted row's leftovers count too) or the service's log. The store is
 * meant to hold appeal ids only (the message is rendered when sent and forgotten): this checks it.
 */

/** What identifies a closed child, from the private archive. */
export interface ClosedAppealDetails {
  id: string;
  name: string;
  knownAs: readonly string[];
  /** The description's texts, the last-seen place and the circumstances' sentences. */
  texts: readonly string[];
  /** The photos' file names, as authored and as archived. */
  photoFiles: readonly string[];
}

export interface AlertsStoreFinding {
  /** Where, in words: a table and row, or a file. */
  where: string;
  problem: string;
}

/**
 * Texts shorter than this are not looked for: "slim" or "brown" are everyday words that any
 * address or log line may hold; the name, looked for always, is what identifies a child.
 */
const MIN_TEXT_LENGTH = 12;

const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

/** Every closed appeal in the archive, with what identifies its child. */
export function closedAppealDetails(archiveDir: string): ClosedAppealDetails[] {
  if (!existsSync(archiveDir)) return [];
  const out: ClosedAppealDetails[] = [];
  for (const id of readdirSync(archiveDir).sort()) {
    if (!isAppealId(id)) continue;
    const folder = idFolder(archiveDir, id);
    const file = appealFileIn(folder);
    if (!existsSync(file)) continue;
    const { data, body } = parseMarkdownFile(readFileSync(file, 'utf8'));
    const record = data;
    const lastSeen = record.lastSeen as Record<string, unknown> | undefined;
    const sentences = body
      .split(/(?<=[.!?])\s+|\n+/)
      .map((s) => s.replace(/[#*_>`]/g, '').trim())
      .filter(Boolean);
    out.push({
      id,
      name: typeof record.name === 'string' ? record.name : '',
      knownAs: strings(record.knownAs),
      texts: [...strings(record.description), ...strings(lastSeen?.place), ...sentences],
      photoFiles: [
        ...strings((record.photos as Array<{ src?: unknown }> | undefined)?.map((p) => p.src)),
        ...readdirSync(folder).filter((f) => f !== path.basename(file)),
      ],
    });
  }
  return out;
}

type Matcher = (text: string) => { id: string; what: string } | undefined;

/** One test per closed appeal: its phrases whole-word and folded; its photo names as written. */
function matcher(closed: readonly ClosedAppealDetails[]): Matcher | undefined {
  const tests = closed.flatMap((appeal) => {
    const words = [
      ...identifyingPhrases(appeal.name, appeal.knownAs),
      ...appeal.texts.filter((t) => foldText(t).trim().length >= MIN_TEXT_LENGTH),
    ];
    const phrases = phrasePattern(words);
    const files = appeal.photoFiles.filter((f) => f.length >= 5);
    const photos = files.length
      ? new RegExp(files.map((f) => `(?<![\\w.-])${escapeRe(f)}(?![\\w.-])`).join('|'), 'i')
      : undefined;
    return phrases || photos ? [{ id: appeal.id, phrases, photos }] : [];
  });
  if (tests.length === 0) return undefined;
  return (text) => {
    const folded = foldText(text);
    for (const t of tests) {
      const phrase = t.phrases?.exec(folded)?.[0];
      if (phrase) return { id: t.id, what: `"${phrase.replace(/\s+/g, ' ')}"` };
      const photo = t.photos?.exec(text)?.[0];
      if (photo) return { id: t.id, what: `the photo file name "${photo}"` };
    }
    return undefined;
  };
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** Every row of every table of the store, as text. */
function storeRows(file: string): Array<{ where: string; text: string }> {
  const db = new DatabaseSync(file, { readOnly: true, timeout: 5_000 });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all()
      .map((r) => String(r.name));
    return tables.flatMap((table) =>
      db
        .prepare(`SELECT rowid AS _row, * FROM "${table.replace(/"/g, '""')}"`)
        .all()
        .map((row) => ({
          where: `the alerts database, table ${table}, row ${String(row._row)}`,
          text: Object.values(row)
            .map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : String(v)))
            .join('\n'),
        })),
    );
  } finally {
    db.close();
  }
}

/**
 * Finds closed children's details in the alerts data folder (`dataDir`) and in `logFiles`. An
 * empty list means nothing of theirs is left there.
 */
export function verifyAlertsStore(
  dataDir: string,
  closedAppeals: readonly ClosedAppealDetails[],
  options: { logFiles?: readonly string[] } = {},
): AlertsStoreFinding[] {
  const match = matcher(closedAppeals);
  if (!match || !existsSync(dataDir)) return [];
  const findings: AlertsStoreFinding[] = [];
  const report = (where: string, text: string) => {
    const found = match(text);
    if (found) findings.push({ where, problem: `holds ${found.what}, from closed appeal ${found.id}` });
    return found !== undefined;
  };
  const db = path.join(dataDir, ALERTS_DB_FILE);
  let inRows = false;
  if (existsSync(db)) for (const row of storeRows(db)) if (report(row.where, row.text)) inRows = true;
  for (const file of filesIn(dataDir)) {
    const name = path.relative(dataDir, file);
    report(`the name of the file ${name} in the alerts data folder`, name);
    // A row already reported is in the database file too: say so once.
    if (inRows && file.startsWith(db)) continue;
    report(`the file ${name} in the alerts data folder`, readFileSync(file).toString('utf8'));
  }
  for (const file of options.logFiles ?? [])
    if (existsSync(file)) report(`the alerts service's log ${file}`, readFileSync(file, 'utf8'));
  return findings;
}
