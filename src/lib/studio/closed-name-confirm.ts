import type { ClosedNames } from '../model/name-matching.ts';
import { sharedNames } from '../publishing/verify-release.ts';

/** The form field a publisher ticks to confirm a closed child's name is given to another child. */
export const CLOSED_NAME_FIELD = 'closedNameConfirmed';

const namesIn = (data: Record<string, unknown> | undefined): string[] => {
  if (!data) return [];
  const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  return [data.name, ...(Array.isArray(data.knownAs) ? (data.knownAs as unknown[]) : [])].filter(text);
};

/**
 * Issue 20, point 8: the names a draft gives an active appeal that a closed child has too (as
 * verification matches names), less those the appeal has already. Verification cannot look for a
 * name an active appeal publishes, so each needs a publisher's confirmation that this is a
 * different child. Only the names are returned: nothing else of the closed appeal is shown.
 */
export function closedNamesGiven(
  draft: Record<string, unknown>,
  live: Record<string, unknown> | undefined,
  closed: readonly ClosedNames[],
): string[] {
  const had = new Set(namesIn(live));
  const given = namesIn(draft).filter((name) => !had.has(name));
  if (given.length === 0 || closed.length === 0) return [];
  return [...new Set(sharedNames(closed, given).map((s) => s.name))];
}

/** What the confirmation box sends: the names it confirms, so a name added since is not confirmed unseen. */
export const confirmationValue = (names: readonly string[]) => names.join('\n');
