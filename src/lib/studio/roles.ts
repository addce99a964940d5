import type { DraftMeta } from './drafts.ts';
import type { Role } from './users.ts';

/**
 * What a signed-in person may do. Authors draft and edit; publishers also approve, publish, close,
 * reopen and read the audit log; administrators may do all a publisher may, and manage users.
 */
export type Action = 'edit' | 'approve' | 'publish' | 'close' | 'reopen' | 'audit' | 'manage-users';

const PUBLISHER_ONLY: ReadonlySet<Action> = new Set(['approve', 'publish', 'close', 'reopen', 'audit']);

export function can(role: Role, action: Action): boolean {
  if (action === 'manage-users') return role === 'admin';
  return role !== 'author' || !PUBLISHER_ONLY.has(action);
}

/** A role as the studio names it to people. */
export function roleName(role: Role): string {
  return { author: 'author', publisher: 'publisher', admin: 'administrator' }[role];
}

/**
 * Why `user` may not approve the new appeal in `draft`, or undefined when they may. Under the
 * two-person rule (`studio.twoPersonRule`, on by default) nobody who wrote or changed the draft
 * may approve it: a second publisher must.
 */
export function approvalProblem(
  user: { email: string; role: Role },
  draft: DraftMeta,
  twoPersonRule: boolean,
): string | undefined {
  if (!can(user.role, 'approve')) return 'Only a publisher can approve a new appeal.';
  if (draft.kind !== 'new') return 'Only a new appeal needs approval.';
  if (draft.state !== 'submitted') return 'This appeal has not been submitted for approval yet.';
  if (twoPersonRule && (draft.createdBy === user.email || draft.editors.includes(user.email))) {
    return 'You wrote or changed this appeal, so another publisher must approve it (the two-person rule).';
  }
  return undefined;
}
