import path from 'node:path';
import type { CalendarDate } from '../model/calendar-date.ts';
import { idsByStatus, type ContentReport } from '../content/content-report.ts';
import { validateContent } from '../content/validate-content.ts';
import {
  currentLink,
  currentRelease,
  listReleases,
  ManifestError,
  readManifest,
  releasesDir,
  switchCurrent,
  type ReleaseManifest,
} from './releases.ts';
import { withSwitchLock } from './deploy-lock.ts';
import { republish, type RepublishOptions } from './republish.ts';
import { readRetractions, retractionFindings } from './retractions.ts';
import { StageError } from './stage-clock.ts';
import type { TakedownSummary } from './stopgap.ts';
import { vanishedAppeals } from './vanished-appeals.ts';

/**
 * Switches back to the release before the live one, unless it shows an appeal that is not active
 * now: closed since, deleted from the content (treated as closed) or unreadable there. An appeal
 * closed in the content but still live (a closure killed before its takedown) is taken down first,
 * whatever the rollback then finds.
 */
export async function rollback(
  options: Omit<RepublishOptions, 'wait' | 'takedownOnly'> & {
    /** The date the content is checked for, as the build would: `buildDate()`. */
    today: CalendarDate;
  },
): Promise<{ from: string; to: string; takedown?: TakedownSummary | undefined }> {
  const live = currentRelease(options.deployDir);
  if (!live)
    throw new StageError(
      'switch',
      `There is no live release to roll back from: ${currentLink(options.deployDir)} does not exist.`,
    );
  const all = listReleases(options.deployDir);
  const index = all.indexOf(live);
  const target = index > 0 ? all[index - 1] : undefined;
  const report = await validateContent(options.contentDir, { today: options.today });
  // Why not to roll back, worked out before the takedown deletes the releases showing a closed appeal.
  const refusal = target === undefined ? undefined : refusalOf(options, target, report);
  const takedown = await takeDownFirst(options, live, idsByStatus(report).closedIds);
  const refuse = (message: string) => {
    const error = new StageError('switch', message);
    if (takedown?.release) error.takenDown = { release: takedown.release, ids: takedown.closingIds };
    return error;
  };
  if (index < 0)
    throw refuse(
      `The live release ${live} has no manifest in ${releasesDir(options.deployDir)}, so there is no telling which release came before it.`,
    );
  if (target === undefined) {
    const newer = all.slice(index + 1);
    throw refuse(
      `There is no earlier release to roll back to: the live release ${live} is the oldest kept${
        newer.length > 0 ? ` (the ${newer.length} other release(s) are newer: ${newer.join(', ')})` : ''
      }. Releases that show an appeal closed since are deleted as soon as the closure is published.`,
    );
  }
  if (refusal) throw refuse(refusal);
  // Under the switch lock: a takedown published since the checks above must not be undone.
  const expected = takedown?.release ?? live;
  await withSwitchLock(options.deployDir, () => {
    if (currentRelease(options.deployDir) !== expected)
      throw refuse(
        'Refusing to roll back: the live release changed while the content was being checked (a closure was published meanwhile). Nothing was rolled back.',
      );
    switchCurrent(options.deployDir, target);
  });
  return { from: live, to: target, takedown };
}

/** Why `target` must not go live again, if it must not: it shows an appeal that is not active now. */
function refusalOf(
  { deployDir, contentDir, archiveDir }: { deployDir: string; contentDir: string; archiveDir: string },
  target: string,
  report: ContentReport,
): string | undefined {
  let manifest: ReleaseManifest;
  try {
    manifest = readManifest(deployDir, target);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    return `Refusing to roll back to ${target}: ${error.message}, so nothing shows which appeals it shows.`;
  }
  const { activeIds, closedIds } = idsByStatus(report);
  const activeNow = new Set(activeIds);
  const closedNow = new Set(closedIds);
  const vanished = new Set(vanishedAppeals(contentDir, manifest.activeIds));
  const showing = manifest.activeIds.filter((id) => !activeNow.has(id));
  if (showing.length === 0) {
    const dir = path.join(releasesDir(deployDir), target);
    const files = Object.keys(manifest.files);
    const retracted = readRetractions(archiveDir)
      .filter((r) => retractionFindings(dir, files, [r]).length > 0)
      .map((r) => r.id);
    return retracted.length > 0
      ? `Refusing to roll back to ${target}: it shows a name or photo since taken off appeal${retracted.length === 1 ? '' : 's'} ${retracted.join(', ')}. Fix forward instead.`
      : undefined;
  }
  const why = (id: string) =>
    closedNow.has(id)
      ? `${id}, closed since`
      : vanished.has(id)
        ? `${id}, whose folder has been deleted from the content (as good as closed: put the folder back and close it with \`npm run appeal -- found ${id}\` or \`withdraw ${id}\`)`
        : `${id}, whose content has problems now (\`npm run check\` lists them)`;
  return `Refusing to roll back to ${target}: it shows appeal${showing.length === 1 ? '' : 's'} ${showing.map(why).join('; ')}. Fix forward instead.`;
}

/**
 * Takes down the appeals closed now that the live release still shows, before the rollback does
 * anything else: a rollback refused, or one that fails, must not leave them live. Throws if they
 * could not be taken down.
 */
async function takeDownFirst(
  options: Parameters<typeof rollback>[0],
  live: string,
  closedIds: readonly string[],
): Promise<TakedownSummary | undefined> {
  const closed = new Set(closedIds);
  let shown: string[];
  try {
    shown = readManifest(options.deployDir, live).activeIds.filter((id) => closed.has(id));
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    return undefined;
  }
  if (shown.length === 0) return undefined;
  const log = options.log ?? (() => undefined);
  log(`Closed but still live: ${shown.join(', ')}. Taking down first...`);
  const { takedown } = await republish({ ...options, wait: true, takedownOnly: true });
  if (!takedown?.release)
    throw new StageError(
      'switch',
      `Not rolled back: ${shown.join(', ')} closed but still live, and the takedown was not published${takedown?.fellBack ? ` (${takedown.fellBack})` : ''}. Run npm run republish at once.`,
    );
  log(`Taken down ${takedown.closingIds.join(', ')}: release ${takedown.release} is live.`);
  return takedown;
}
