import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkedAppealIds } from '../model/appeal-id.ts';
import { ASSET_DIRS, CLOSED_NOTICE_FILE } from '../hosting/host-config.ts';
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
import { releaseName } from './releases.ts';
import { searchablePages, searchShards, startSearchIndex } from './search-index.ts';
import { describeFindings } from './publish-release.ts';
import type { Finding } from './verify-release.ts';
import { stepTimer } from './stage-clock.ts';
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
  // The build renders a closed appeal's URL with the very same component as this page.
  const notice = readFileSync(noticeFile);

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

  // Each closed URL keeps answering, with exactly the page the build gives a closed appeal.
  for (const id of ids) {
    const page = path.join(staging, 'appeals', id, 'index.html');
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
 * The immediate takedown: the live release minus the newly closed appeals, released and switched
 * to within seconds, before the full build. It shows what the live release shows less those
 * appeals: any other change in the content waits for the full build.
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
  const closing = new Set(closingIds);
  const activeIds = live.activeIds.filter((id) => !closing.has(id));
  const ownWork = (f: Finding) =>
    f.kind === 'active-page' || closingIds.some((id) => f.file.startsWith(`appeals/${id}/`));
  const name = releaseName(new Date());
  const staging = path.join(context.deployDir, `.staging-${name}`);
  try {
    log(`Taking down ${closingIds.join(', ')} from the live release...`);
    // Pagefind re-indexes the closing appeals' shards in its own process while the copy is made
    // and cut; the other shards are linked from the live release.
    const { count, shards } = searchShards(liveDir, closingIds, activeIds.length);
    let index = await startSearchIndex(
      count,
      shards,
      searchablePages(liveDir, closingIds, { count, only: shards }),
    );
    let cut: TakedownResult;
    try {
      cut = await stageTakedown({
        liveDir,
        liveFiles: Object.keys(live.files),
        stagingDir: staging,
        closingIds,
      });
      // Both removals feeds, by the renderer the build's endpoints use (the same bytes).
      for (const [file, text] of Object.entries(await removals())) {
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
    await index.write(staging, { expectedPages: activeIds.length, others: liveDir });
    timer.step('search index');
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
    log('Now rebuilding the whole site.');
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
