import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { activeAppealSchema, closedAppealSchema, isClosedStatus } from '../model/appeal-schema.ts';
import { isAppealId } from '../model/appeal-id.ts';
import { type CalendarDate, formatCalendarDate, parseCalendarDate } from '../model/calendar-date.ts';
import { parseMissingSince } from '../model/missing-since.ts';
import type { SiteSettings } from '../model/settings-schema.ts';
import { APPEAL_FILE, appealFileIn } from './appeal-folder.ts';
import {
  type PhotoCheck,
  photoFileName,
  photoFileProblems,
  photoNamesIn,
  reportPhotoProblems,
  startPhotoChecks,
} from './appeal-photos.ts';
import { circumstancesProblems } from './circumstances.ts';
import { problemsFromIssues } from './content-errors.ts';
import type { ContentReport } from './content-report.ts';
import { FrontmatterError, parseMarkdownFile } from './frontmatter.ts';
import { BODY_PROBLEM_FIELD, welshTwinProblems } from './welsh-twins.ts';
import { appealCardTextProblems } from './share-card-problems.ts';
import { isPhotoFileName } from './photo-file.ts';
import { lstatOrUndefined, notRegularFile } from './regular-file.ts';

/** index.md is text a person writes: anything larger is a mistake, and would only slow every build. */
export const MAX_INDEX_BYTES = 1024 * 1024;

const activeSchema = activeAppealSchema(photoFileName);

/**
 * The checks against today, on the raw data, so they are reported alongside every other problem
 * rather than after them. An overdue review is only a warning: it must never take an appeal down.
 */
function datedProblems(
  file: string,
  data: Record<string, unknown>,
  today: CalendarDate,
  report: ContentReport,
): void {
  const todayText = formatCalendarDate(today);
  const missingSince = typeof data.missingSince === 'string' ? data.missingSince : undefined;
  if (missingSince && parseMissingSince(missingSince) && missingSince.slice(0, 10) > todayText) {
    report.problems.push({
      file,
      field: 'missingSince',
      message: `expected a date on or before today (${todayText}), got "${missingSince}"`,
    });
  }
  const consentDate = (data.consent as { date?: unknown } | undefined)?.date;
  if (typeof consentDate === 'string' && parseCalendarDate(consentDate) && consentDate > todayText) {
    report.problems.push({
      file,
      field: 'consent.date',
      message: `expected a date on or before today (${todayText}), got "${consentDate}": consent is given before an appeal is published`,
    });
  }
  const reviewBy = data.reviewBy;
  if (typeof reviewBy === 'string' && parseCalendarDate(reviewBy) && reviewBy < todayText) {
    report.warnings.push({
      file,
      field: 'reviewBy',
      message: `review was due on ${reviewBy}; check the appeal is still needed and current, then set a new reviewBy date`,
    });
  }
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
    report.problems.push({ file, field: BODY_PROBLEM_FIELD, message });
  }
  const requireWelsh = settings?.languages.requireWelsh ?? false;
  for (const problem of welshTwinProblems(data, body, requireWelsh))
    report.problems.push({ file, ...problem });
  // These checks read the raw data, so they report alongside schema problems rather than after them.
  const photos = photoFileProblems(file, dir, data, report);
  report.problems.push(...appealCardTextProblems(file, data));
  const region = (data.lastSeen as { region?: unknown } | undefined)?.region;
  if (settings && typeof region === 'string' && !settings.regions.some((r) => r.id === region)) {
    report.problems.push({
      file,
      field: 'lastSeen.region',
      message: `expected one of the regions in content/settings.yaml (${settings.regions.map((r) => r.id).join(', ')}), got ${JSON.stringify(region)}`,
    });
  }
  datedProblems(file, data, today, report);
  if (!result.success) return photos;
  const appeal = result.data;
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
export function scanAppealFolder(
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
