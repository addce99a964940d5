import { loadSettings } from '../content/load-settings.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { appealDir, appealFileIn } from '../content/appeal-folder.ts';
import { FrontmatterError, parseMarkdownFile } from '../content/frontmatter.ts';
import { scanAppeals } from '../publishing/content-scan.ts';
import { releaseChange } from '../publishing/release-change.ts';
import { currentRelease, listReleases, readManifest } from '../publishing/releases.ts';
import { type AppealVersion, changedNames, diffAppeal, type FieldChange } from './appeal-diff.ts';
import { listDrafts } from './drafts.ts';
import { listRevisions, revisionWithDigest } from './revisions.ts';

/**
 * What a publish will change on the live site, worked out the way the publish itself does
 * (the live release's manifest against a quick read of content/, release-change.ts), and told
 * by appeal and field from the studio's revision history. Shown before a publish starts.
 */
export interface PlannedAppeal {
  id: string;
  /** `new`: not on the live site (new or reopened); `changed`: on it, changed; `closing`: taken down. */
  kind: 'new' | 'changed' | 'closing';
  /** The child's name, for new and changed appeals (never for a closing one: it is in the archive). */
  name?: string | undefined;
  /** For a changed appeal: the changed details, old and new, when the history knows the live version. */
  fields?: FieldChange[] | undefined;
  /** For a changed appeal: the names of everything changed (fields and photos). */
  changed?: string[] | undefined;
  /** The version in content/ was not approved in the studio (it was edited in the files, or made from the command line). */
  outsideStudio: boolean;
}

export interface PublishPlan {
  appeals: PlannedAppeal[];
  /** Changes waiting for approval: not part of this publish. */
  waiting: string[];
  /** Says which content the plan was made from: a publish confirmed against another plan is shown again. */
  token: string;
  /** True when nothing has been published yet. */
  firstPublish: boolean;
}

function version(markdown: string): AppealVersion | undefined {
  try {
    return parseMarkdownFile(markdown);
  } catch (error) {
    if (error instanceof FrontmatterError) return undefined;
    throw error;
  }
}

export function publishPlan(options: {
  contentDir: string;
  dataDir: string;
  deployDir: string;
}): PublishPlan {
  const { contentDir, dataDir, deployDir } = options;
  const release = currentRelease(deployDir);
  const live =
    release && listReleases(deployDir).includes(release) ? readManifest(deployDir, release) : undefined;
  const scanned = scanAppeals(contentDir);
  const settings = loadSettings(contentDir).settings;
  const shown = scanned.filter((a) => !a.closed);
  const digests = Object.fromEntries(shown.map((a) => [a.id, a.digest]));
  const change = releaseChange(live, {
    activeIds: shown.map((a) => a.id),
    closedIds: scanned.filter((a) => a.closed).map((a) => a.id),
    appeals: digests,
  });
  const appeals: PlannedAppeal[] = [];
  const current = (id: string) => version(readFileSync(appealFileIn(appealDir(contentDir, id)), 'utf8'));
  for (const id of [...change.added, ...change.edited]) {
    const now = current(id);
    const revisions = listRevisions(dataDir, id);
    const approved = revisionWithDigest(revisions, digests[id]);
    const planned: PlannedAppeal = {
      id,
      kind: change.added.includes(id) ? 'new' : 'changed',
      name: typeof now?.data.name === 'string' ? now.data.name : undefined,
      outsideStudio: approved?.source !== 'studio',
    };
    if (planned.kind === 'changed' && now) {
      const before = revisionWithDigest(revisions, live?.appeals?.[id]);
      const old = before && version(before.markdown);
      if (old) {
        const diff = diffAppeal(old, now, settings);
        planned.fields = diff.fields;
        planned.changed = changedNames(diff);
      }
    }
    appeals.push(planned);
  }
  for (const id of change.closing) appeals.push({ id, kind: 'closing', outsideStudio: false });
  const token = createHash('sha256')
    .update(JSON.stringify({ release, change, digests }))
    .digest('base64url')
    .slice(0, 22);
  return {
    appeals,
    waiting: listDrafts(dataDir)
      .filter((d) => d.state === 'submitted')
      .map((d) => d.id)
      .sort(),
    token,
    firstPublish: live === undefined,
  };
}
