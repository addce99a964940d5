import type { ClosedNames } from '../model/name-matching.ts';
import { sharedNames } from '../publishing/verify-release.ts';
import type { ContentProblem } from './content-errors.ts';
import type { LoadedAppeal } from './content-report.ts';

/**
 * Issue 20, point 8: an active appeal given a closed child's name (or a name matching reads as the
 * same) takes that name out of verification, which cannot look for a name it must publish. Each
 * such name, where it is given: file, field, the name and the closed appeal's id, nothing else
 * of the closed appeal. A warning, not a refusal: two children may share a name, and a publisher
 * confirms it in the studio; `npm run verify` says which names it could not look for.
 */
export function closedNameClashes(
  appeals: readonly LoadedAppeal[],
  closed: readonly ClosedNames[],
): ContentProblem[] {
  const active = appeals.flatMap((a) => (a.status === 'active' ? [a] : []));
  const shared = sharedNames(
    closed,
    active.flatMap((a) => [a.data.name, ...a.data.knownAs]),
  );
  if (shared.length === 0) return [];
  const closedIds = new Map<string, string[]>();
  for (const { name, closedId } of shared) closedIds.set(name, [...(closedIds.get(name) ?? []), closedId]);
  const clashes: ContentProblem[] = [];
  for (const appeal of active) {
    const fields: Array<[string, string]> = [
      ['name', appeal.data.name],
      ...appeal.data.knownAs.map((other, i): [string, string] => [`knownAs[${i}]`, other]),
    ];
    for (const [field, value] of fields) {
      const ids = closedIds.get(value);
      if (!ids) continue;
      clashes.push({
        file: appeal.file,
        field,
        message: `"${value}" is also a name of closed appeal ${ids.join(', ')}: verification cannot look for a name an active appeal uses, so that closed child could be named again unnoticed; if this is a different child, a publisher must confirm it, otherwise remove the name`,
      });
    }
  }
  return clashes;
}
