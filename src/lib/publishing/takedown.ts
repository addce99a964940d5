import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { archivedNames } from '../lifecycle/appeal-archive.ts';
import { loadSettings } from '../content/load-settings.ts';
import { formatCalendarDate, type CalendarDate } from '../model/calendar-date.ts';
import { removalsFeedFiles } from '../outputs/feed-files.ts';
import { withSwitchLock } from './deploy-lock.ts';
import { readRetractions } from './retractions.ts';
import { scanAppeals } from './content-scan.ts';
import { checkedAppealIds, isAppealId } from '../model/appeal-id.ts';
import { appealFileIn, idFolder } from '../content/appeal-folder.ts';
import {
  APPEAL_LOCALES,
  ASSET_DIRS,
  CLOSED_NOTICE_FILE,
  closedAppealPages,
  closedNoticeFile,
} from '../hosting/host-config.ts';
import { pageAppealId, shardOf } from '../search/search-shards.ts';
import {
  ownedByAppeal,
  removeAppealElements,
  removeJsonTextEntries,
  removeXmlEntries,
} from '../release-files/appeal-removal.ts';
import { photoReferences } from '../release-files/page-references.ts';
import { photoSource } from '../photos/photo-variants.ts';
import { linkTree, REGENERATED } from './file-tree.ts';
import { writeAtomically } from '../files/atomic-write.ts';
import { currentRelease, liveManifest, releaseName, releasesDir, type ReleaseManifest } from './releases.ts';
import { searchablePages, searchShards, startSearchIndex } from './search-index.ts';
import { describeFindings } from './publish-release.ts';
import type { Finding } from './verify-release.ts';
import { stepTimer, type RepublishStep, type StepState } from './stage-clock.ts';
import { digestsOf, publishStopgap, type StopgapContext, type TakedownSummary } from './stopgap.ts';

/**
 * The immediate takedown: a copy of the live release with the newly closed appeals cut out, made in
 * seconds instead of a full build. It is only a candidate: republish verifies it in full like any
 * build and publishes it only if verification passes, then runs the full build as usual.
 *
 * Files are hard links to the live release's, so a file is never changed in place: a changed file
 * is written anew and renamed over its link (`writeAtomically`). What identifies an appeal in each
 * kind of file, and the cutting itself, are in src/lib/release-files/appeal-removal.ts.
 */

const checkedIds = (ids: readonly string[]) => checkedAppealIds(ids, 'Takedown');

interface TakedownInput {
  /** The live release to start from. */
  liveDir: string;
  /** Its files, as its manifest lists them (else its folders are walked). */
  liveFiles?: readonly string[];
  /** Where to make the candidate; must not exist yet. */
  stagingDir: string;
  /** Appeals the live release shows that are now closed. */
  closingIds: readonly string[];
}

interface TakedownResult {
  linkedFiles: number;
  /** The files linked from the live release and left as they were. */
  unchanged: string[];
  rewrittenFiles: string[];
  removedFiles: string[];
  removedMentions: number;
}

/**
 * Makes the takedown candidate in `stagingDir` from the live release, without the search index and
 * host files: the caller rebuilds those for the new set of appeals (`buildSearchIndex`,
 * `writeHostFiles`) and then verifies the whole candidate. Throws on anything unexpected.
 */
export async function stageTakedown(input: TakedownInput): Promise<TakedownResult> {
  const ids = checkedIds(input.closingIds);
  if (ids.length === 0) throw new Error('Takedown: no appeal to take down');
  if (existsSync(input.stagingDir)) throw new Error(`Takedown: ${input.stagingDir} already exists`);
  const noticeFile = path.join(input.liveDir, CLOSED_NOTICE_FILE);
  if (!existsSync(noticeFile))
    throw new Error(`Takedown: the live release has no ${CLOSED_NOTICE_FILE} to reuse`);
  // The build renders a closed appeal's URL with the very same component as this page, in each
  // language the live release has (the Welsh notice under /cy/).
  const notices = APPEAL_LOCALES.flatMap(({ locale, prefix }) => {
    const file = path.join(input.liveDir, closedNoticeFile(locale));
    return existsSync(file) ? [{ prefix, notice: readFileSync(file) }] : [];
  });

  // Photo sources each closing appeal's page uses, read before anything changes.
  const closingSources = new Set<string>();
  for (const id of ids) {
    const page = path.join(input.liveDir, 'appeals', id, 'index.html');
    if (!existsSync(page)) throw new Error(`Takedown: the live release has no page for ${id}`);
    for (const ref of photoReferences(readFileSync(page, 'utf8'))) {
      const source = photoSource(ref);
      if (source) closingSources.add(source);
    }
  }

  // The appeal's own files (its pages, files named after it) and every variant of its photos are
  // never linked into the candidate at all.
  const removedFiles: string[] = [];
  const owned = (file: string) => {
    const source = file.startsWith(`${ASSET_DIRS.photos}/`) ? photoSource(file) : undefined;
    const gone =
      ids.some((id) => ownedByAppeal(file, id)) || (source !== undefined && closingSources.has(source));
    if (gone) removedFiles.push(file);
    return gone;
  };
  const linked = await linkTree(input.liveDir, input.stagingDir, REGENERATED, owned, input.liveFiles);
  const linkedFiles = linked.length;
  const staging = input.stagingDir;
  const rewrittenFiles: string[] = [];
  let removedMentions = 0;
  const marks = ids.map((id) => Buffer.from(id));

  for (const file of linked) {
    // Photos and hashed scripts and styles never hold appeal data; verification still reads them.
    if (file.startsWith(`${ASSET_DIRS.photos}/`) || file.startsWith(`${ASSET_DIRS.astro}/`)) continue;
    const ext = path.extname(file).toLowerCase();
    if (!['.html', '.htm', '.xml', '.rss', '.atom', '.json'].includes(ext)) continue;
    const full = path.join(staging, file);
    // Most files never mention the appeal: look for its id in the bytes before decoding any text.
    const bytes = readFileSync(full);
    if (!marks.some((mark) => bytes.includes(mark))) continue;
    const text = bytes.toString('utf8');
    let next: string | undefined;
    if (ext === '.html' || ext === '.htm') {
      const r = removeAppealElements(text, ids);
      removedMentions += r.removed;
      if (r.removed > 0) next = r.html;
    } else if (ext === '.json') {
      next = removeJsonTextEntries(text, ids);
      if (next !== undefined) removedMentions++;
    } else {
      const r = removeXmlEntries(text, ids);
      removedMentions += r.removed;
      if (r.removed > 0) next = r.xml;
    }
    if (next !== undefined) {
      writeAtomically(full, next);
      rewrittenFiles.push(file);
    }
  }

  // Each closed URL keeps answering, in each language, with exactly the page the build gives a
  // closed appeal.
  for (const id of ids)
    for (const { prefix, notice } of notices) {
      const page = path.join(staging, prefix, 'appeals', id, 'index.html');
      // Emptied sub-page folders (a poster, say) go too.
      rmSync(path.dirname(page), { recursive: true, force: true });
      mkdirSync(path.dirname(page), { recursive: true });
      writeFileSync(page, notice);
      rewrittenFiles.push(path.relative(staging, page));
    }
  const rewritten = new Set(rewrittenFiles);
  const unchanged = linked.filter((f) => !rewritten.has(f));
  return { linkedFiles, unchanged, rewrittenFiles, removedFiles, removedMentions };
}

/**
 * The base release less `closingIds`, made in `stagingDir` and ready for the shared final step:
 * cut (`stageTakedown`), the removals feeds written, the search index rebuilt for the shards that
 * changed. The base is the live release (a takedown) or a full build's candidate that appeals were
 * closed after (src/lib/publishing/full-release.ts). Throws, leaving `stagingDir` to the caller.
 */
export async function cutRelease(input: {
  baseDir: string;
  baseFiles?: readonly string[];
  /** The appeals the base shows. */
  activeIds: readonly string[];
  closingIds: readonly string[];
  stagingDir: string;
  removals: () => Promise<Record<string, string>>;
  timer: ReturnType<typeof stepTimer>;
}): Promise<{ activeIds: string[]; cut: TakedownResult }> {
  const { baseDir, closingIds, stagingDir: staging, timer } = input;
  const closing = new Set(closingIds);
  const activeIds = input.activeIds.filter((id) => !closing.has(id));
  // Pagefind re-indexes the closing appeals' shards in its own process while the copy is made
  // and cut; the other shards are linked from the base release.
  const { count, shards } = searchShards(baseDir, closingIds, activeIds.length);
  let index = await startSearchIndex(
    count,
    shards,
    searchablePages(baseDir, closingIds, { count, only: shards }),
  );
  let cut: TakedownResult;
  try {
    cut = await stageTakedown({
      liveDir: baseDir,
      liveFiles: input.baseFiles,
      stagingDir: staging,
      closingIds,
    });
    // Both removals feeds, by the renderer the build's endpoints use (the same bytes).
    for (const [file, text] of Object.entries(await input.removals())) {
      if (!existsSync(path.join(staging, file))) continue;
      writeAtomically(path.join(staging, file), text);
      cut.rewrittenFiles.push(file);
    }
  } catch (error) {
    await index.close();
    throw error;
  }
  timer.step('copy and cut');
  // An indexed page the cut changed would make its shard stale: index the candidate's pages then.
  const stale = cut.rewrittenFiles.filter(
    (f) =>
      f.endsWith('.html') &&
      !closingIds.some((id) => ownedByAppeal(f, id)) &&
      readFileSync(path.join(staging, f), 'utf8').includes('data-pagefind-body'),
  );
  if (stale.length > 0) {
    await index.close();
    const only = new Set([...shards, ...stale.map((f) => shardOf(pageAppealId(f), count))]);
    index = await startSearchIndex(count, only, searchablePages(staging, [], { count, only }));
  }
  await index.write(staging, { expectedPages: activeIds.length, others: baseDir });
  timer.step('search index');
  return { activeIds, cut };
}

/** Where a takedown is made: apart from builds' `.staging-*`, since a takedown never waits for a build. */
const TAKEDOWN_STAGING = '.takedown-';

/**
 * The immediate takedown: the live release minus the newly closed appeals, released and switched
 * to within seconds, before the full build. It shows what the live release shows less those
 * appeals: any other change in the content waits for the full build. The caller holds the switch
 * lock from reading the live release to here (`takeDownClosed`).
 *
 * It is verified in full like any build, but a finding outside the closed appeals' own addresses
 * does not hold it back: the takedown only deletes and cuts (every file is the live release's, a
 * copy of its notice page, or made from its files less the closed appeals), so it cannot add a
 * problem, and whatever it cannot clean the live site shows already. Holding it back would leave
 * the child's whole appeal online for a rule about another file. Only a finding about its own work
 * holds it back (a closed appeal's address not showing exactly the notice, or an active appeal's
 * page gone); then, or if anything unexpected happens, nothing is published and the full build
 * publishes the closure instead.
 */
export async function takedownRelease(
  context: StopgapContext,
  removals: () => Promise<Record<string, string>>,
): Promise<TakedownSummary> {
  const { live, liveDir, log } = context;
  const closingIds = context.change.closing;
  const timer = stepTimer();
  const ownWork = (f: Finding) =>
    f.kind === 'active-page' ||
    closingIds.some((id) =>
      closedAppealPages(id).some((page) => f.file.startsWith(path.dirname(page) + '/')),
    );
  const name = releaseName(new Date());
  const staging = path.join(context.deployDir, `${TAKEDOWN_STAGING}${name}`);
  try {
    log(`Taking down ${closingIds.join(', ')} from the live release...`);
    const { activeIds, cut } = await cutRelease({
      baseDir: liveDir,
      baseFiles: Object.keys(live.files),
      activeIds: live.activeIds,
      closingIds,
      stagingDir: staging,
      removals,
      timer,
    });
    const published = await publishStopgap(
      context,
      {
        kind: 'takedown',
        dir: staging,
        name,
        activeIds,
        closedIds: [...new Set([...live.closedIds, ...closingIds])].sort(),
        appeals: digestsOf(activeIds, live.appeals),
        change: { closing: closingIds, added: [], edited: [] },
        unchanged: new Set(cut.unchanged),
      },
      timer,
      (f) => !ownWork(f),
    );
    const { unresolved } = published;
    if (unresolved.length > 0)
      log(
        `The takedown went live without ${closingIds.join(', ')}, but verification still finds ${unresolved.length} problem(s) elsewhere, in files the previous release published too; the full build must clear them:\n${describeFindings(
          unresolved,
        )
          .map((line) => `  ${line}`)
          .join('\n')}`,
      );
    return {
      closingIds,
      release: name,
      liveAt: published.liveAt,
      ms: timer.elapsed(),
      steps: timer.steps,
      unresolved: unresolved.length > 0 ? describeFindings(unresolved) : undefined,
    };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const reason = (error as Error).message;
    log(`Takedown not published (${reason}); the full build publishes the closure instead.`);
    return { closingIds, ms: timer.elapsed(), fellBack: reason };
  }
}

/** The ids the archive holds, without reading their files: the takedown's quick question. */
function archivedIds(archiveDir: string): string[] {
  if (!existsSync(archiveDir)) return [];
  return readdirSync(archiveDir).filter(
    (id) => isAppealId(id) && existsSync(appealFileIn(idFolder(archiveDir, id))),
  );
}

interface TakedownOptions {
  projectRoot: string;
  contentDir: string;
  deployDir: string;
  archiveDir: string;
  cacheDir: string;
  publicDir: string;
  purgeHook?: string | undefined;
  today: CalendarDate;
  log: (line: string) => void;
  onStep: (step: RepublishStep, state: StepState) => void;
}

interface TakenDown {
  summary: TakedownSummary;
  /** The release that was live before it, and its folder (deleted once the takedown is live). */
  before: { manifest: ReleaseManifest; dir: string };
}

/**
 * Takes every closed appeal the live release still shows off it now, whatever else is running: it
 * holds only the switch lock (deploy-lock.ts), never the build's. Closed means closed in the
 * content or held in the private archive (which a closure writes first). Closures queue here one
 * after another, each taking down from the release the one before it left live, so each is as fast
 * as the first. Returns undefined when the live release shows no closed appeal.
 */
export async function takeDownClosed(options: TakedownOptions): Promise<TakenDown | undefined> {
  const { deployDir, contentDir, log } = options;
  if (!existsSync(deployDir)) return undefined;
  return withSwitchLock(
    deployDir,
    async () => {
      // A killed takedown's copy: no other takedown runs while this one holds the lock.
      for (const name of readdirSync(deployDir))
        if (name.startsWith(TAKEDOWN_STAGING))
          rmSync(path.join(deployDir, name), { recursive: true, force: true });
      const live = liveManifest(deployDir, currentRelease(deployDir), log);
      if (!live) return undefined;
      const scanned = scanAppeals(contentDir);
      const closed = new Set([
        ...scanned.filter((a) => a.closed).map((a) => a.id),
        ...archivedIds(options.archiveDir),
      ]);
      const closing = live.activeIds.filter((id) => closed.has(id)).sort();
      const { settings } = loadSettings(contentDir);
      // Without valid settings the removals feeds cannot be written: the full build reports why.
      if (closing.length === 0 || !settings) return undefined;
      options.onStep('takedown', 'running');
      const shown = scanned.filter((a) => !a.closed);
      const liveDir = path.join(releasesDir(deployDir), live.name);
      const summary = await takedownRelease(
        {
          projectRoot: options.projectRoot,
          contentDir,
          deployDir,
          cacheDir: options.cacheDir,
          live,
          liveDir,
          change: { closing, added: [], edited: [] },
          digests: Object.fromEntries(shown.map((a) => [a.id, a.digest])),
          publishing: {
            deployDir,
            cacheDir: options.cacheDir,
            publicDir: options.publicDir,
            purgeHook: options.purgeHook,
            closedNames: () => archivedNames(options.archiveDir),
            retracted: readRetractions(options.archiveDir),
            activeNames: Object.fromEntries(shown.map((a) => [a.id, a.names])),
            embedAllowedSites: settings.embed.allowedSites,
            since: { manifest: live, dir: liveDir },
            log,
          },
          log,
        },
        () =>
          removalsFeedFiles({
            closed: scanned.filter((a) => a.closed),
            site: settings.baseUrl,
            generated: formatCalendarDate(options.today),
            organisationName: settings.organisation.name,
          }),
      );
      options.onStep('takedown', summary.release ? 'done' : 'skipped');
      return { summary, before: { manifest: live, dir: liveDir } };
    },
    () => log('Another closure is being taken down; this one follows it in a moment...'),
  );
}
