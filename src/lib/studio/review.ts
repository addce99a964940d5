import { approveChanges, type LifecycleFolders } from '../lifecycle/use-cases.ts';
import { parseMarkdownFile } from '../content/frontmatter.ts';
import { type Draft, DraftError, readDraft, saveDraft, startEditDraft } from './drafts.ts';
import { type Revision, writeRevisionTo } from './revisions.ts';
import { changesNeedApproval } from './roles.ts';
import type { Role } from './users.ts';

/**
 * What "Send for approval" / "Save changes" does with a checked draft. A new appeal, and changes
 * that need approval (roles.ts changesNeedApproval), wait as `submitted` for a publisher; a
 * publisher's own changes without the two-person rule go into content/ at once, through the same
 * use case an approval uses (audit line, revision history, ChangedMeanwhileError).
 */
export function submitDraft(
  folders: LifecycleFolders & { dataDir: string },
  draft: Draft,
  user: { email: string; role: Role },
  twoPersonRule: boolean,
  now = new Date(),
): 'submitted' | 'saved' {
  if (draft.meta.kind === 'new' || changesNeedApproval(user.role, twoPersonRule)) {
    draft.meta = {
      ...draft.meta,
      state: 'submitted',
      submittedBy: user.email,
      submittedAt: now.toISOString(),
    };
    saveDraft(draft, user.email, now);
    return 'submitted';
  }
  approveChanges(folders, { draft, by: user.email, now });
  return 'saved';
}

/**
 * A draft of changes to live appeal `revision.id` that puts back `revision` (an earlier version
 * from its history): it starts from the appeal as it is now, so it goes through approval as usual
 * and never overwrites a later change unseen.
 */
export function draftFromRevision(
  folders: { dataDir: string; contentDir: string },
  revision: Revision,
  by: string,
  now = new Date(),
): Draft {
  const id = revision.id;
  if (readDraft(folders.dataDir, id))
    throw new DraftError(`appeal ${id} already has changes in progress: finish or discard them first`);
  const draft = startEditDraft(folders.dataDir, folders.contentDir, id, by, now);
  writeRevisionTo(folders.dataDir, revision, draft.dir);
  const { data, body } = parseMarkdownFile(revision.markdown);
  const restored: Draft = { ...draft, data, body, meta: { ...draft.meta, restoredFrom: revision.seq } };
  saveDraft(restored, by, now);
  return restored;
}
