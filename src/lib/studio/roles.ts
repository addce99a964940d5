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
 * Why `user` may not approve the draft (a new appeal, or changes to a live one), or undefined when
 * they may. Under the two-person rule (`studio.twoPersonRule`, on by default) nobody who wrote or
 * changed the draft may approve it: a second publisher must.
 */
export function approvalProblem(
  user: { email: string; role: Role },
  draft: DraftMeta,
  twoPersonRule: boolean,
): string | undefined {
  const what = draft.kind === 'new' ? 'this appeal' : 'these changes';
  if (!can(user.role, 'approve')) return `Only a publisher can approve ${what}.`;
  if (draft.state !== 'submitted')
    return `${what === 'this appeal' ? 'This appeal has' : 'These changes have'} not been submitted for approval yet.`;
  if (twoPersonRule && (draft.createdBy === user.email || draft.editors.includes(user.email))) {
    return `You wrote or changed ${what}, so another publisher must approve ${draft.kind === 'new' ? 'it' : 'them'} (the two-person rule).`;
  }
  return undefined;
}

/**
 * Whether changes to a live appeal by `role` wait for a publisher's approval. An author's always
 * do. Under the two-person rule a publisher's do too: nothing goes live on one person's word
 * (DESIGN.md, principle 6). Without the rule a publisher's changes go into the appeal at once.
 */
export function changesNeedApproval(role: Role, twoPersonRule: boolean): boolean {
  return !can(role, 'approve') || twoPersonRule;
}
