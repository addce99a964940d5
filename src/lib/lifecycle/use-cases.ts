import { cancelQueuedAlerts } from '../alerts/alert-commands.ts';
import {
  archiveAppeal,
  finishArchiving,
  LifecycleError,
  purgeArchive,
  restoreAppeal,
} from './appeal-archive.ts';
import { WITHDRAW_REASONS, type WithdrawReason } from './appeal-lifecycle.ts';
import { appendAudit, type AuditEntry, lastAuditAction } from './audit-log.ts';
import { removeClosedCopies } from './closure-cleanup.ts';
import {
  type Draft,
  IdTakenError,
  removeDraft,
  renumberDraft,
  writeDraftToContent,
} from '../studio/drafts.ts';
import { recordApprovedVersion, recordVersionBefore } from '../studio/revisions.ts';

/**
 * The appeal lifecycle as comms staff act on it, one function per action, called alike by
 * `npm run appeal` and the studio. Each changes the content (or the archive) and then writes its
 * own line to the audit log: the action, the reason's category, the operator and the time,
 * nothing about the child. A refused action (`LifecycleError`) changes nothing and logs nothing.
 * Publishing the change is the caller's next step.
 */

/** Where the lifecycle reads and writes. */
export interface LifecycleFolders {
  contentDir: string;
  /** The private archive of closed appeals. */
  archiveDir: string;
  /** The audit log file (`auditLogPath`). */
  auditLog: string;
  /**
   * The studio's data folder, when known (the studio's own, or `STUDIO_DATA_DIR` / `studio-data`
   * for the command line): closing deletes the appeal's revision history, draft and preview there.
   */
  dataDir?: string | undefined;
  /** The build cache (`ASTRO_CACHE_DIR`), when known: closing deletes the appeal's copies there. */
  cacheDir?: string | undefined;
  /** The project, when known: closing deletes its `dist/` if that shows the appeal. */
  projectRoot?: string | undefined;
  /** The alerts service's data folder, when known: closing cancels the appeal's queued alerts there. */
  alertsDataDir?: string | undefined;
}

/** Who acts, and when (now, unless a test says otherwise). */
interface Actor {
  by: string;
  now?: Date | undefined;
}

const archiveFolders = ({ contentDir, archiveDir }: LifecycleFolders) => ({ contentDir, archiveDir });

function audit(folders: LifecycleFolders, actor: Actor, entry: Omit<AuditEntry, 'time' | 'by'>): void {
  appendAudit(folders.auditLog, { time: (actor.now ?? new Date()).toISOString(), ...entry, by: actor.by });
}

/**
 * Every copy of a closed child outside the archive goes with the closure, before it reports done
 * (closure-cleanup.ts): studio drafts, previews, kept forms and history, build caches and dist/.
 */
function forgetInStudioData(folders: LifecycleFolders, actor: Actor, id: string): number {
  removeClosedCopies(folders, id);
  // A closure recalls what it can: alerts still queued are cancelled before any takedown.
  const cancelled = folders.alertsDataDir ? cancelQueuedAlerts(folders.alertsDataDir, id) : 0;
  // Who recalled them is the closure's actor.
  if (cancelled > 0) audit(folders, actor, { id, action: 'alert-recall' });
  return cancelled;
}

/** Closes appeal `id` because the child is safe: archived, tombstoned (`closedAt` = `today`), logged. */
export function closeFound(
  folders: LifecycleFolders,
  request: Actor & { id: string; today: string },
): { archived: string[]; alertsCancelled: number } {
  const result = archiveAppeal({
    ...archiveFolders(folders),
    id: request.id,
    status: 'found',
    closedAt: request.today,
  });
  audit(folders, request, { id: request.id, action: 'found' });
  return { ...result, alertsCancelled: forgetInStudioData(folders, request, request.id) };
}

export function isWithdrawReason(reason: string | undefined): reason is WithdrawReason {
  return (WITHDRAW_REASONS as readonly (string | undefined)[]).includes(reason);
}

/** Closes appeal `id` for another reason; only the reason's category is logged. */
export function withdrawAppeal(
  folders: LifecycleFolders,
  request: Actor & { id: string; today: string; reason: WithdrawReason },
): { archived: string[]; alertsCancelled: number } {
  if (!isWithdrawReason(request.reason))
    throw new LifecycleError(
      // The reason given is not repeated: free text could say something about the child.
      `expected a reason, one of: ${WITHDRAW_REASONS.join(', ')}. Nothing was changed.`,
    );
  const result = archiveAppeal({
    ...archiveFolders(folders),
    id: request.id,
    status: 'withdrawn',
    closedAt: request.today,
  });
  audit(folders, request, { id: request.id, action: 'withdraw', reason: request.reason });
  return { ...result, alertsCancelled: forgetInStudioData(folders, request, request.id) };
}

/**
 * Finishes a closure that a killed command left half done (its content already says closed): the
 * files left beside the tombstone, the audit line if it never got written, the studio's copies.
 * Publishing, the step most likely still missing, is the caller's. Returns the alerts cancelled.
 */
export function finishClosure(
  folders: LifecycleFolders,
  request: Actor & { id: string; reason?: WithdrawReason | undefined },
): number {
  finishArchiving({ ...archiveFolders(folders), id: request.id });
  const last = lastAuditAction(folders.auditLog, request.id);
  // A recall is logged only after the closure's own line: it means that line was written.
  if (last !== 'found' && last !== 'withdraw' && last !== 'alert-recall')
    audit(folders, request, {
      id: request.id,
      action: request.reason ? 'withdraw' : 'found',
      ...(request.reason ? { reason: request.reason } : {}),
    });
  return forgetInStudioData(folders, request, request.id);
}

/** Restores a closed appeal from the archive (a mistaken closure), updated `today`. */
export function reopenAppeal(
  folders: LifecycleFolders,
  request: Actor & { id: string; today: string },
): void {
  restoreAppeal({ ...archiveFolders(folders), id: request.id, today: request.today });
  audit(folders, request, { id: request.id, action: 'reopen' });
}

/** Deletes a closed appeal's archived data for ever. */
export function purgeAppeal(folders: LifecycleFolders, request: Actor & { id: string }): void {
  purgeArchive({ archiveDir: folders.archiveDir, id: request.id });
  audit(folders, request, { id: request.id, action: 'purge' });
}

/**
 * Puts an approved new appeal's draft into content (in one rename) and forgets the draft. If
 * another appeal took its id meanwhile (from the command line), it gets the next free id of
 * `year`: the id is not public until the appeal is. Returns the id it was published under.
 * Whether `by` may approve it, and whether it is valid, the caller has checked.
 */
export function approveDraft(
  folders: LifecycleFolders & { dataDir: string },
  request: Actor & { draft: Draft; year: number },
): string {
  let approved = request.draft;
  try {
    writeDraftToContent(approved, folders.contentDir);
  } catch (error) {
    if (!(error instanceof IdTakenError)) throw error;
    approved = renumberDraft(folders.dataDir, folders.contentDir, approved, request.year);
    writeDraftToContent(approved, folders.contentDir);
  }
  audit(folders, request, { id: approved.meta.id, action: 'approve' });
  recordApprovedVersion(
    folders.dataDir,
    folders.contentDir,
    approved.meta.id,
    {
      writtenBy: writers(approved),
      approvedBy: request.by,
    },
    request.now,
  );
  removeDraft(folders.dataDir, approved.meta.id);
  return approved.meta.id;
}

/** Everyone who wrote or changed a draft, in order, once each. */
const writers = (draft: Draft): string[] => [...new Set([draft.meta.createdBy, ...draft.meta.editors])];

/**
 * Puts approved changes to a live appeal into content/ and forgets the draft; the revision history
 * keeps the version before (if it did not have it) and this one, with who wrote and approved it.
 * Refuses (ChangedMeanwhileError) when the appeal changed since the changes began: nobody's
 * correction is overwritten. Whether `by` may approve it, and whether it is valid, the caller has checked.
 */
export function approveChanges(
  folders: LifecycleFolders & { dataDir: string },
  request: Actor & { draft: Draft },
): void {
  const { draft } = request;
  const id = draft.meta.id;
  if (draft.meta.kind !== 'edit') throw new LifecycleError(`the draft of ${id} is a new appeal, not changes`);
  recordVersionBefore(folders.dataDir, folders.contentDir, id, request.now);
  writeDraftToContent(draft, folders.contentDir);
  audit(folders, request, { id, action: 'approve-changes' });
  recordApprovedVersion(
    folders.dataDir,
    folders.contentDir,
    id,
    { writtenBy: writers(draft), approvedBy: request.by, restoredFrom: draft.meta.restoredFrom },
    request.now,
  );
  removeDraft(folders.dataDir, id);
}
