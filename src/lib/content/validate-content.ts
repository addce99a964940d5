import { existsSync, lstatSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  activeAppealSchema,
  closedAppealSchema,
  isClosedStatus,
  type ActiveAppealData,
  type ClosedAppealData,
} from '../model/appeal-schema.ts';
import { isAppealId } from '../model/appeal-id.ts';
import { type CalendarDate, formatCalendarDate } from '../model/calendar-date.ts';
import { circumstancesProblems } from './circumstances.ts';
import { type ContentProblem, problemsFromIssues } from './content-errors.ts';
import { FrontmatterError, loadTextYaml, parseMarkdownFile } from './frontmatter.ts';
import { APPEAL_FILE, appealFileIn, appealsDir as appealsFolder } from './appeal-folder.ts';
import { isPhotoFileName, namePartsIn } from './photo-file.ts';
import { photoFileProblem } from '../photos/photo-header.ts';
import { type SiteSettings, settingsSchema } from '../model/settings-schema.ts';

export const SETTINGS_FILE = 'settings.yaml';

export type LoadedAppeal =
  | { id: string; file: string; status: 'active'; data: ActiveAppealData; body: string }
  | { id: string; file: string; status: 'found' | 'withdrawn'; data: ClosedAppealData; body: string };

export interface ContentReport {
  settings?: SiteSettings;
  appeals: LoadedAppeal[];
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/** A photo whose header `check` opens once the folders are read: the file, and where it is named. */
interface PhotoCheck {
  file: string;
  field: string;
  photoPath: string;
}

/** index.md is text a person writes: anything larger is a mistake, and would only slow every build. */
export const MAX_INDEX_BYTES = 1024 * 1024;

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Content must hold real folders and regular files: a symbolic link could make the build publish
 * any file on the machine (a closed child's archived photo, say) under an active appeal.
 */
function notRegularFile(stats: Stats): string | undefined {
  if (stats.isSymbolicLink()) {
    return 'expected a regular file, got a symbolic link; content must hold real files, not links to files elsewhere: copy the file in instead';
  }
  return stats.isFile()
    ? undefined
    : 'expected a regular file, got something else (a folder, device or pipe)';
}

/** The photo `src` as `check` sees it: a plain file name beside index.md. */
const photoFileName = z
  .string({ error: 'expected a photo file name beside index.md, like photo-1.jpg' })
  .regex(/^(\.\/)?[^/\\\u0000-\u001f]+$/, {
    error:
      'expected a photo file name beside index.md, like photo-1.jpg, with no folders or control characters',
  })
  .refine(isPhotoFileName, { error: 'expected a .jpg, .jpeg, .png, .webp or .avif file' });

const activeSchema = activeAppealSchema(photoFileName);

export function loadSettings(
  contentDir: string,
  displayRoot = process.cwd(),
): { settings?: SiteSettings; problems: ContentProblem[] } {
  const abs = path.join(contentDir, SETTINGS_FILE);
  const file = path.relative(displayRoot, abs) || abs;
  const stats = lstatOrUndefined(abs);
  if (!stats) return { problems: [{ file, message: 'expected a settings file, but it is missing' }] };
  const notRegular = notRegularFile(stats);
  if (notRegular) return { problems: [{ file, message: notRegular }] };
  let raw: unknown;
  try {
    raw = loadTextYaml(readFileSync(abs, 'utf8'));
  } catch (error) {
    return {
      problems: [
        { file, message: `expected valid YAML; ${(error as { reason?: string }).reason ?? String(error)}` },
      ],
    };
  }
  const result = settingsSchema.safeParse(raw ?? {});
  if (result.success) return { settings: result.data, problems: [] };
  return { problems: problemsFromIssues(file, result.error.issues, raw, settingsSchema) };
}

function validateActive(
  id: string,
  file: string,
  dir: string,
  parsed: { data: Record<string, unknown>; body: string; bodyLine: number },
  settings: SiteSettings | undefined,
  today: CalendarDate,
  report: ContentReport,
): PhotoCheck[] {
  const { data, body } = parsed;
  const result = activeSchema.safeParse(data);
  if (!result.success) {
    report.problems.push(...problemsFromIssues(file, result.error.issues, data, activeSchema));
  }
  for (const message of circumstancesProblems(body, parsed.bodyLine)) {
    report.problems.push({ file, field: 'circumstances (the text below the frontmatter)', message });
  }
  // These checks read the raw data, so they report alongside schema problems rather than after them.
  const photos = photoFileProblems(file, dir, data, report);
  const region = (data.lastSeen as { region?: unknown } | undefined)?.region;
  if (settings && typeof region === 'string' && !settings.regions.some((r) => r.id === region)) {
    report.problems.push({
      file,
      field: 'lastSeen.region',
      message: `expected one of the regions in content/settings.yaml (${settings.regions.map((r) => r.id).join(', ')}), got ${JSON.stringify(region)}`,
    });
  }
  if (!result.success) return photos;

  const appeal = result.data;
  const todayText = formatCalendarDate(today);
  if (appeal.missingSince.slice(0, 10) > todayText) {
    report.problems.push({
      file,
      field: 'missingSince',
      message: `expected a date on or before today (${todayText}), got "${appeal.missingSince}"`,
    });
  }
  if (appeal.reviewBy < todayText) {
    report.warnings.push({
      file,
      field: 'reviewBy',
      message: `review was due on ${appeal.reviewBy}; check the appeal is still needed and current, then set a new reviewBy date`,
    });
  }
  report.appeals.push({ id, file, status: 'active', data: appeal, body });
  return photos;
}

function validateClosed(
  id: string,
  file: string,
  dir: string,
  data: Record<string, unknown>,
  body: string,
  report: ContentReport,
): void {
  const result = closedAppealSchema.safeParse(data);
  if (!result.success) {
    const personal = result.error.issues.some((i) => i.code === 'unrecognized_keys');
    report.problems.push(...problemsFromIssues(file, result.error.issues, data, closedAppealSchema));
    if (personal) {
      report.problems.push({
        file,
        field: 'status',
        message: `expected a closed appeal to hold no personal data, got status "${String(data.status)}" with the child's details still in the file; close it with \`npm run appeal -- found ${id}\` or \`withdraw ${id}\` instead of editing status by hand`,
      });
    }
  }
  if (body.trim() !== '')
    report.problems.push({
      file,
      field: 'circumstances (the text below the frontmatter)',
      message: 'expected no text in a closed appeal, got some; it is personal data',
    });
  const photos = readdirSync(dir).filter(isPhotoFileName);
  if (photos.length > 0)
    report.problems.push({
      file,
      message: `expected no photos beside a closed appeal, got ${photos.length} (${photos.join(', ')})`,
    });
  if (result.success)
    report.appeals.push({ id, file, status: result.data.status, data: result.data, body: '' });
}

/** A photo check under way: sharp reads headers on its own threads while the other folders are read. */
type PendingPhoto = PhotoCheck & { problem: Promise<string | undefined> };

function startPhotoChecks(checks: readonly PhotoCheck[]): PendingPhoto[] {
  return checks.map((check) => ({ ...check, problem: photoFileProblem(check.photoPath) }));
}

/** Waits for the photo checks and reports what is wrong, with file and field, in their order. */
async function reportPhotoProblems(pending: readonly PendingPhoto[], report: ContentReport): Promise<void> {
  const messages = await Promise.all(pending.map((p) => p.problem));
  pending.forEach(({ file, field }, i) => {
    const message = messages[i];
    if (message) report.problems.push({ file, field, message });
  });
}

/** Each file's problems together, in file order; each file's own order kept. */
function groupByFile(problems: ContentProblem[]): ContentProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.file.localeCompare(b.p.file) || a.i - b.i)
    .map(({ p }) => p);
}

/**
 * Validates every appeal and the settings under `contentDir`, collecting every problem rather
 * than stopping at the first. Reads each photo's header and last bytes but never decodes one, so
 * it stays fast (BENCHMARKS.md: `npm run bench:check`).
 */
export async function validateContent(
  contentDir: string,
  options: { today: CalendarDate; displayRoot?: string },
): Promise<ContentReport> {
  const displayRoot = options.displayRoot ?? process.cwd();
  const { settings, problems } = loadSettings(contentDir, displayRoot);
  const report: ContentReport = { settings, appeals: [], problems: [...problems], warnings: [] };
  const appealsDir = appealsFolder(contentDir);
  if (!existsSync(appealsDir)) {
    report.problems.push({
      file: path.relative(displayRoot, appealsDir) || appealsDir,
      message: 'expected a folder of appeals, but it is missing',
    });
    return report;
  }
  const photoChecks: PendingPhoto[] = [];
  for (const entry of readdirSync(appealsDir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name.startsWith('.')) continue;
    const dir = path.join(appealsDir, entry.name);
    const shown = path.relative(displayRoot, dir) || dir;
    if (entry.isSymbolicLink()) {
      report.problems.push({
        file: shown,
        message:
          'expected an appeal folder, got a symbolic link; content must hold real folders, not links to folders elsewhere',
      });
      continue;
    }
    if (!entry.isDirectory()) {
      report.problems.push({
        file: shown,
        message: 'expected only appeal folders (like 2026-0042/) in the appeals folder',
      });
      continue;
    }
    photoChecks.push(
      ...startPhotoChecks(scanAppealFolder(dir, entry.name, report, { today: options.today, displayRoot })),
    );
  }
  await reportPhotoProblems(photoChecks, report);
  report.problems = groupByFile(report.problems);
  return report;
}

/**
 * Each photo must be a regular file beside index.md, with a file name free of the child's names;
 * returns the photos whose headers are still to be read.
 */
function photoFileProblems(
  file: string,
  dir: string,
  data: Record<string, unknown>,
  report: ContentReport,
): PhotoCheck[] {
  if (!Array.isArray(data.photos)) return [];
  const names = [data.name, ...(Array.isArray(data.knownAs) ? (data.knownAs as unknown[]) : [])].filter(
    (n): n is string => typeof n === 'string',
  );
  const checks: PhotoCheck[] = [];
  data.photos.forEach((photo: unknown, i) => {
    const src = (photo as { src?: unknown } | null)?.src;
    if (typeof src !== 'string' || !photoFileName.safeParse(src).success) return;
    const field = `photos[${i}].src`;
    const fileName = src.replace(/^\.\//, '');
    const photoPath = path.join(dir, fileName);
    const leaked = namePartsIn(fileName, names);
    if (leaked.length > 0) {
      report.problems.push({
        file,
        field,
        message: `expected a neutral file name like photo-${i + 1}.jpg, got "${fileName}", which contains part of the child's name (${leaked.join(', ')}); use \`npm run appeal -- new\` to ingest photos`,
      });
    }
    // lstat, never stat: a link is refused without being followed, so its target is never named or read.
    const stats = lstatOrUndefined(photoPath);
    if (!stats) {
      report.problems.push({
        file,
        field,
        message: `expected a photo file in ${path.relative(process.cwd(), dir) || dir}, but "${fileName}" does not exist`,
      });
      return;
    }
    const notRegular = notRegularFile(stats);
    if (notRegular) {
      report.problems.push({ file, field, message: `${notRegular} ("${fileName}")` });
      return;
    }
    checks.push({ file, field, photoPath });
  });
  return checks;
}

/** The photo file names an appeal's data gives, as they sit in its folder. */
function photoNamesIn(data: Record<string, unknown>): Set<string> {
  const photos = Array.isArray(data.photos) ? (data.photos as unknown[]) : [];
  return new Set(
    photos.flatMap((p) => {
      const src = (p as { src?: unknown } | null)?.src;
      return typeof src === 'string' ? [src.replace(/^\.\//, '')] : [];
    }),
  );
}

/** Every entry of an appeal folder must be a regular file: links and devices are refused by name. */
function folderEntryProblems(
  dir: string,
  displayRoot: string,
  report: ContentReport,
  photoNames: ReadonlySet<string>,
): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // A photo the appeal names is reported with its field (photos[0].src) instead.
    if (entry.isFile() || entry.isDirectory() || photoNames.has(entry.name)) continue;
    const shown = path.relative(displayRoot, path.join(dir, entry.name)) || entry.name;
    const message = entry.isSymbolicLink()
      ? 'expected a regular file, got a symbolic link; content must hold real files, not links to files elsewhere: copy the file in instead'
      : 'expected a regular file, got a device, pipe or socket';
    report.problems.push({ file: shown, message });
  }
}

/** Validates one appeal folder, named `id`, adding what it finds to `report`; returns its photos to check. */
function scanAppealFolder(
  dir: string,
  id: string,
  report: ContentReport,
  options: { today: CalendarDate; displayRoot?: string },
): PhotoCheck[] {
  const displayRoot = options.displayRoot ?? process.cwd();
  if (!isAppealId(id)) {
    report.problems.push({
      file: path.relative(displayRoot, dir) || dir,
      message: `expected a folder named with an appeal id like 2026-0042, got "${id}"`,
    });
    return [];
  }
  const indexPath = appealFileIn(dir);
  const file = path.relative(displayRoot, indexPath) || indexPath;
  const stats = lstatOrUndefined(indexPath);
  if (!stats) {
    folderEntryProblems(dir, displayRoot, report, new Set());
    report.problems.push({ file, message: 'expected an index.md file, but it is missing' });
    return [];
  }
  const notRegular = notRegularFile(stats);
  if (notRegular) {
    folderEntryProblems(dir, displayRoot, report, new Set([APPEAL_FILE]));
    report.problems.push({ file, message: notRegular });
    return [];
  }
  if (stats.size > MAX_INDEX_BYTES) {
    report.problems.push({
      file,
      message: `expected an index.md of at most 1 MB of text, got ${(stats.size / 1024 / 1024).toFixed(1)} MB`,
    });
    return [];
  }
  let parsed;
  const source = readFileSync(indexPath, 'utf8');
  try {
    parsed = parseMarkdownFile(source);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    report.problems.push({ file, message: error.message });
    return [];
  }
  const { data, body } = parsed;
  folderEntryProblems(dir, displayRoot, report, photoNamesIn(data));
  // The line of the file the body starts on, so circumstances problems name the author's line.
  const bodyLine = source.slice(0, source.length - body.length).split('\n').length;
  if (isClosedStatus(data.status)) {
    validateClosed(id, file, dir, data, body, report);
    return [];
  }
  return validateActive(id, file, dir, { data, body, bodyLine }, report.settings, options.today, report);
}

/** Validates one appeal folder, named `id`, adding what it finds to `report`, photo headers included. */
export async function validateAppealFolder(
  dir: string,
  id: string,
  report: ContentReport,
  options: { today: CalendarDate; displayRoot?: string },
): Promise<void> {
  await reportPhotoProblems(startPhotoChecks(scanAppealFolder(dir, id, report, options)), report);
}

/** The report's appeal ids, sorted, split into active and closed. */
export function idsByStatus(report: ContentReport): { activeIds: string[]; closedIds: string[] } {
  const ids = (active: boolean) =>
    report.appeals
      .filter((a) => (a.status === 'active') === active)
      .map((a) => a.id)
      .sort();
  return { activeIds: ids(true), closedIds: ids(false) };
}

/** Every name and other name of the active appeals in a report. */
export function activeNamesOf(report: ContentReport): string[] {
  return report.appeals.flatMap((a) => (a.status === 'active' ? [a.data.name, ...a.data.knownAs] : []));
}
