import type { CalendarDate } from '../model/calendar-date.ts';
import { idsByStatus } from '../content/content-report.ts';
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
import { StageError } from './stage-clock.ts';
import { vanishedAppeals } from './vanished-appeals.ts';

/**
 * Switches back to the release before the live one, unless it shows an appeal that is not active
 * now: closed since, deleted from the content (treated as closed) or unreadable there.
 */
export async function rollback(options: {
  deployDir: string;
  contentDir: string;
  /** The date the content is checked for, as the build would: `buildDate()`. */
  today: CalendarDate;
}): Promise<{ from: string; to: string }> {
  const live = currentRelease(options.deployDir);
  if (!live)
    throw new StageError(
      'switch',
      `There is no live release to roll back from: ${currentLink(options.deployDir)} does not exist.`,
    );
  const all = listReleases(options.deployDir);
  const index = all.indexOf(live);
  if (index < 0)
    throw new StageError(
      'switch',
      `The live release ${live} has no manifest in ${releasesDir(options.deployDir)}, so there is no telling which release came before it.`,
    );
  const newer = all.slice(index + 1);
  if (index === 0)
    throw new StageError(
      'switch',
      `There is no earlier release to roll back to: the live release ${live} is the oldest kept${
        newer.length > 0 ? ` (the ${newer.length} other release(s) are newer: ${newer.join(', ')})` : ''
      }. Releases that show an appeal closed since are deleted as soon as the closure is published.`,
    );
  const target = all[index - 1]!;
  let manifest: ReleaseManifest;
  try {
    manifest = readManifest(options.deployDir, target);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    throw new StageError(
      'switch',
      `Refusing to roll back to ${target}: ${error.message}, so nothing shows which appeals it shows.`,
    );
  }
  const report = await validateContent(options.contentDir, { today: options.today });
  const { activeIds, closedIds } = idsByStatus(report);
  const activeNow = new Set(activeIds);
  const closedNow = new Set(closedIds);
  const vanished = new Set(vanishedAppeals(options.contentDir, manifest.activeIds));
  const showing = manifest.activeIds.filter((id) => !activeNow.has(id));
  if (showing.length > 0) {
    const why = (id: string) =>
      closedNow.has(id)
        ? `${id}, closed since`
        : vanished.has(id)
          ? `${id}, whose folder has been deleted from the content (as good as closed: put the folder back and close it with \`npm run appeal -- found ${id}\` or \`withdraw ${id}\`)`
          : `${id}, whose content has problems now (\`npm run check\` lists them)`;
    throw new StageError(
      'switch',
      `Refusing to roll back to ${target}: it shows appeal${showing.length === 1 ? '' : 's'} ${showing.map(why).join('; ')}. Fix forward instead.`,
    );
  }
  // Under the switch lock: a takedown published since the check above must not be undone.
  await withSwitchLock(options.deployDir, () => {
    if (currentRelease(options.deployDir) !== live)
      throw new StageError(
        'switch',
        `Refusing to roll back: the live release changed while the content was being checked (a closure was published meanwhile). Nothing was rolled back.`,
      );
    switchCurrent(options.deployDir, target);
  });
  return { from: live, to: target };
}
