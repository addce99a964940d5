import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { activeAppealSchema, closedAppealSchema, isClosedStatus, type ActiveAppealData, type ClosedAppealData } from '../model/appeal-schema.ts';
import { isAppealId } from '../model/appeal-id.ts';
import { type CalendarDate, formatCalendarDate } from '../model/calendar-date.ts';
import { circumstancesProblems } from './circumstances.ts';
import { type ContentProblem, problemsFromIssues } from './content-errors.ts';
import { FrontmatterError, parseMarkdownFile } from './frontmatter.ts';
import { isPhotoFileName, namePartsIn } from './photo-file.ts';
import { type SiteSettings, settingsSchema } from '../model/settings-schema.ts';
import yaml from 'js-yaml';

export const SETTINGS_FILE = 'settings.yaml';
export const APPEALS_DIR = 'appeals';

export type LoadedAppeal =
  | { id: string; file: string; status: 'active'; data: ActiveAppealData; body: string }
  | { id: string; file: string; status: 'found' | 'withdrawn'; data: ClosedAppealData; body: string };

export interface ContentReport {
  settings?: SiteSettings;
  appeals: LoadedAppeal[];
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/** The photo `src` as `check` sees it: a plain file name beside index.md. */
const photoFileName = z
  .string({ error: 'expected a photo file name beside index.md, like photo-1.jpg' })
  .regex(/^(\.\/)?[^/\\]+$/, { error: 'expected a photo file name beside index.md, like photo-1.jpg, with no folders' })
  .refine(isPhotoFileName, { error: 'expected a .jpg, .jpeg, .png, .webp or .avif file' });

const activeSchema = activeAppealSchema(photoFileName);

export function loadSettings(contentDir: string, displayRoot = process.cwd()): { settings?: SiteSettings; problems: ContentProblem[] } {
  const abs = path.join(contentDir, SETTINGS_FILE);
  const file = path.relative(displayRoot, abs) || abs;
  if (!existsSync(abs)) return { problems: [{ file, message: 'expected a settings file, but it is missing' }] };
  let raw: unknown;
  try {
    raw = yaml.load(readFileSync(abs, 'utf8'));
  } catch (error) {
    return { problems: [{ file, message: `expected valid YAML; ${(error as { reason?: string }).reason ?? String(error)}` }] };
  }
  const result = settingsSchema.safeParse(raw ?? {});
  if (result.success) return { settings: result.data, problems: [] };
  return { problems: problemsFromIssues(file, result.error.issues, raw, settingsSchema) };
}

function validateActive(
  id: string,
  file: string,
  dir: string,
  data: Record<string, unknown>,
  body: string,
  settings: SiteSettings | undefined,
  today: CalendarDate,
  report: ContentReport,
): void {
  const result = activeSchema.safeParse(data);
  if (!result.success) {
    report.problems.push(...problemsFromIssues(file, result.error.issues, data, activeSchema));
  }
  for (const message of circumstancesProblems(body)) report.problems.push({ file, field: 'circumstances (the text below the frontmatter)', message });
  // These checks read the raw data, so they report alongside schema problems rather than after them.
  photoFileProblems(file, dir, data, report);
  const region = (data.lastSeen as { region?: unknown } | undefined)?.region;
  if (settings && typeof region === 'string' && !settings.regions.some((r) => r.id === region)) {
    report.problems.push({ file, field: 'lastSeen.region', message: `expected one of the regions in content/settings.yaml (${settings.regions.map((r) => r.id).join(', ')}), got ${JSON.stringify(region)}` });
  }
  if (!result.success) return;

  const appeal = result.data;
  const todayText = formatCalendarDate(today);
  if (appeal.missingSince.slice(0, 10) > todayText) {
    report.problems.push({ file, field: 'missingSince', message: `expected a date on or before today (${todayText}), got "${appeal.missingSince}"` });
  }
  if (appeal.reviewBy < todayText) {
    report.warnings.push({ file, field: 'reviewBy', message: `review was due on ${appeal.reviewBy}; check the appeal is still needed and current, then set a new reviewBy date` });
  }
  report.appeals.push({ id, file, status: 'active', data: appeal, body });
}

function validateClosed(id: string, file: string, dir: string, data: Record<string, unknown>, body: string, report: ContentReport): void {
  const result = closedAppealSchema.safeParse(data);
  if (!result.success) {
    const personal = result.error.issues.some((i) => i.code === 'unrecognized_keys');
    report.problems.push(...problemsFromIssues(file, result.error.issues, data, closedAppealSchema));
    if (personal) {
      report.problems.push({ file, field: 'status', message: `expected a closed appeal to hold no personal data, got status "${String(data.status)}" with the child's details still in the file; close it with \`npm run appeal -- found ${id}\` or \`withdraw ${id}\` instead of editing status by hand` });
    }
  }
  if (body.trim() !== '') report.problems.push({ file, field: 'circumstances (the text below the frontmatter)', message: 'expected no text in a closed appeal, got some; it is personal data' });
  const photos = readdirSync(dir).filter(isPhotoFileName);
  if (photos.length > 0) report.problems.push({ file, message: `expected no photos beside a closed appeal, got ${photos.length} (${photos.join(', ')})` });
  if (result.success) report.appeals.push({ id, file, status: result.data.status, data: result.data, body: '' });
}

/**
 * Validates every appeal and the settings under `contentDir`, collecting every problem rather
 * than stopping at the first. Reads files but never decodes photos, so it stays fast.
 */
export function validateContent(contentDir: string, options: { today: CalendarDate; displayRoot?: string }): ContentReport {
  const displayRoot = options.displayRoot ?? process.cwd();
  const { settings, problems } = loadSettings(contentDir, displayRoot);
  const report: ContentReport = { settings, appeals: [], problems: [...problems], warnings: [] };
  const appealsDir = path.join(contentDir, APPEALS_DIR);
  if (!existsSync(appealsDir)) {
    report.problems.push({ file: path.relative(displayRoot, appealsDir) || appealsDir, message: 'expected a folder of appeals, but it is missing' });
    return report;
  }
  for (const entry of readdirSync(appealsDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const dir = path.join(appealsDir, entry.name);
    if (!entry.isDirectory()) {
      report.problems.push({ file: path.relative(displayRoot, dir) || dir, message: 'expected only appeal folders (like 2026-0042/) in the appeals folder' });
      continue;
    }
    validateAppealFolder(dir, entry.name, report, { today: options.today, displayRoot });
  }
  return report;
}

/** Each photo must exist beside index.md and have a file name free of the child's names. */
function photoFileProblems(file: string, dir: string, data: Record<string, unknown>, report: ContentReport): void {
  if (!Array.isArray(data.photos)) return;
  const names = [data.name, ...(Array.isArray(data.knownAs) ? data.knownAs : [])].filter((n): n is string => typeof n === 'string');
  data.photos.forEach((photo: unknown, i) => {
    const src = (photo as { src?: unknown } | null)?.src;
    if (typeof src !== 'string' || !photoFileName.safeParse(src).success) return;
    const fileName = src.replace(/^\.\//, '');
    const photoPath = path.join(dir, fileName);
    if (!existsSync(photoPath) || !statSync(photoPath).isFile()) {
      report.problems.push({ file, field: `photos[${i}].src`, message: `expected a photo file in ${path.relative(process.cwd(), dir) || dir}, but "${fileName}" does not exist` });
    }
    const leaked = namePartsIn(fileName, names);
    if (leaked.length > 0) {
      report.problems.push({ file, field: `photos[${i}].src`, message: `expected a neutral file name like photo-${i + 1}.jpg, got "${fileName}", which contains part of the child's name (${leaked.join(', ')}); use \`npm run appeal -- new\` to ingest photos` });
    }
  });
}

/** Validates one appeal folder, named `id`, adding what it finds to `report`. */
export function validateAppealFolder(dir: string, id: string, report: ContentReport, options: { today: CalendarDate; displayRoot?: string }): void {
  const displayRoot = options.displayRoot ?? process.cwd();
  if (!isAppealId(id)) {
    report.problems.push({ file: path.relative(displayRoot, dir) || dir, message: `expected a folder named with an appeal id like 2026-0042, got "${id}"` });
    return;
  }
  const indexPath = path.join(dir, 'index.md');
  const file = path.relative(displayRoot, indexPath) || indexPath;
  if (!existsSync(indexPath)) {
    report.problems.push({ file, message: 'expected an index.md file, but it is missing' });
    return;
  }
  let parsed;
  try {
    parsed = parseMarkdownFile(readFileSync(indexPath, 'utf8'));
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    report.problems.push({ file, message: error.message });
    return;
  }
  const { data, body } = parsed;
  if (isClosedStatus(data.status)) validateClosed(id, file, dir, data, body, report);
  else validateActive(id, file, dir, data, body, report.settings, options.today, report);
}

/** The report's appeal ids, sorted, split into active and closed. */
export function idsByStatus(report: ContentReport): { activeIds: string[]; closedIds: string[] } {
  const ids = (active: boolean) => report.appeals.filter((a) => (a.status === 'active') === active).map((a) => a.id).sort();
  return { activeIds: ids(true), closedIds: ids(false) };
}

/** Every name and other name of the active appeals in a report. */
export function activeNamesOf(report: ContentReport): string[] {
  return report.appeals.flatMap((a) => (a.status === 'active' ? [a.data.name, ...a.data.knownAs] : []));
}
