// `npm run check` and `npm run appeal -- check`: validate every appeal and the settings without building.
// Exit 1 on any problem.
import { buildDate } from '../../src/lib/model/build-date.ts';
import { contentDirectory } from '../../src/lib/content/content-location.ts';
import { formatProblem } from '../../src/lib/content/content-errors.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { closedNameClashes } from '../../src/lib/content/closed-name-clash.ts';
import { archivedNames } from '../../src/lib/lifecycle/appeal-archive.ts';
import { publishConfig, publishConfigProblems } from '../../src/lib/publishing/publish-config.ts';
import { operatorEnvOrExit } from './operator-env.ts';
import { PROJECT_ROOT } from './publishing-context.ts';

/** Validates the content and the publishing folders, prints the warnings and problems, and exits 1 on any problem. */
export async function runCheck(): Promise<void> {
  const started = performance.now();
  const operator = operatorEnvOrExit();
  const contentDir = contentDirectory(operator);
  const report = await validateContent(contentDir, { today: buildDate(operator) });
  // The publishing folders, from the settings and the environment: the archive must stay private.
  const configProblems = publishConfigProblems(report.settings, operator, PROJECT_ROOT, contentDir);
  report.problems.push(...configProblems);
  // An active appeal given a closed child's name: verification cannot look for it (issue 20).
  if (configProblems.length === 0) {
    const { archiveDir } = publishConfig(report.settings, operator, PROJECT_ROOT, contentDir);
    report.warnings.push(...closedNameClashes(report.appeals, archivedNames(archiveDir)));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);

  if (report.warnings.length > 0) {
    console.warn(`${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'}:`);
    for (const warning of report.warnings) console.warn(`  warning: ${formatProblem(warning)}`);
  }
  if (report.problems.length > 0) {
    console.error(
      `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} found; fix ${report.problems.length === 1 ? 'it' : 'them'} before publishing:`,
    );
    for (const problem of report.problems) console.error(`  ${formatProblem(problem)}`);
    process.exit(1);
  }
  const active = report.appeals.filter((a) => a.status === 'active').length;
  console.log(
    `Content is valid: ${report.appeals.length} appeals (${active} active, ${report.appeals.length - active} closed), checked in ${seconds} s.`,
  );
}
