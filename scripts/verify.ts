// `npm run verify [-- <release folder>] [--alerts-log <file>]`: check a built release (default: the
// live one) for leaks, and the alerts service's data folder (and its log, if given) for closed children.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { alertsDataDir } from '../src/lib/alerts/alerts-config.ts';
import { closedAppealDetails, verifyAlertsStore } from '../src/lib/alerts/verify-alerts-store.ts';
import { archivedNames } from '../src/lib/lifecycle/appeal-archive.ts';
import { buildDate } from '../src/lib/model/build-date.ts';
import { currentLink } from '../src/lib/publishing/releases.ts';
import { activeNamesOf, idsByStatus } from '../src/lib/content/content-report.ts';
import { validateContent } from '../src/lib/content/validate-content.ts';
import { readRetractions } from '../src/lib/publishing/retractions.ts';
import { sharedNames, verifyRelease } from '../src/lib/publishing/verify-release.ts';
import { publishingContext } from './lib/publishing-context.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'alerts-log': { type: 'string', multiple: true } },
});
const context = publishingContext();
const releaseDir = path.resolve(positionals[0] ?? currentLink(context.deployDir));
if (!existsSync(releaseDir) || !statSync(releaseDir).isDirectory()) {
  console.error(
    positionals[0]
      ? `There is no release folder at ${releaseDir} to verify.`
      : `There is no live release to verify: ${releaseDir} does not exist. Nothing has been published to ${context.deployDir} yet (npm run republish publishes), or name a folder: npm run verify -- <folder>.`,
  );
  process.exit(1);
}
const report = await validateContent(context.contentDir, { today: buildDate(context.operator) });
const forbiddenNames = archivedNames(context.archiveDir);
const activeNames = activeNamesOf(report);
const findings = verifyRelease({
  releaseDir,
  ...idsByStatus(report),
  forbiddenNames,
  publicDir: context.publicDir,
  activeNames,
  retracted: readRetractions(context.archiveDir),
});
// A closed child's name that an active child has too is published for the active child, so it
// cannot be looked for: say so rather than report clean. Only the name and the closed id are shown.
const shared = sharedNames(forbiddenNames, activeNames);
for (const { closedId, name } of shared)
  console.error(
    `warning: "${name}", a name of an active appeal, is also a name of closed appeal ${closedId}: verification cannot look for it, so that closed child may still be named in what is published`,
  );
// The alerts service's private store: no closed child's details in a row, a file or its log.
const alertsDir = alertsDataDir(context.operator, context.projectRoot);
const alertsFindings = existsSync(alertsDir)
  ? verifyAlertsStore(alertsDir, closedAppealDetails(context.archiveDir), {
      logFiles: values['alerts-log'] ?? [],
    })
  : [];
if (findings.length > 0 || alertsFindings.length > 0) {
  if (findings.length > 0) {
    console.error(`Verification of ${releaseDir} found ${findings.length} problem(s):`);
    for (const f of findings) console.error(`  ${f.file}: ${f.problem}`);
  }
  if (alertsFindings.length > 0) {
    console.error(
      `Verification of the alerts data in ${alertsDir} found ${alertsFindings.length} problem(s):`,
    );
    for (const f of alertsFindings) console.error(`  ${f.where}: ${f.problem}`);
  }
  process.exit(1);
}
if (existsSync(alertsDir)) console.log(`Verified the alerts data in ${alertsDir}: no closed appeal's data.`);
console.log(
  shared.length > 0
    ? `Verified ${releaseDir}, except ${shared.length} closed name(s) shared with an active appeal (above), which could not be looked for; every photo belongs to an active appeal.`
    : `Verified ${releaseDir}: no closed appeal's data, every photo belongs to an active appeal.`,
);
