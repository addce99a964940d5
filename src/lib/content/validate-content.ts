import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CalendarDate } from '../model/calendar-date.ts';
import { appealsDir as appealsFolder } from './appeal-folder.ts';
import { type PendingPhoto, reportPhotoProblems, startPhotoChecks } from './appeal-photos.ts';
import type { ContentProblem } from './content-errors.ts';
import type { ContentReport } from './content-report.ts';
import { loadSettings, SETTINGS_FILE } from './load-settings.ts';
import { settingsCardTextProblems } from './share-card-problems.ts';
import { scanAppealFolder } from './validate-appeal.ts';

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
  const settingsPath = path.join(contentDir, SETTINGS_FILE);
  const settingsFile = path.relative(displayRoot, settingsPath) || settingsPath;
  const report: ContentReport = {
    settings,
    appeals: [],
    problems: [...problems, ...(settings ? settingsCardTextProblems(settingsFile, settings) : [])],
    warnings: [],
  };
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
