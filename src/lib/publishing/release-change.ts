/**
 * What a republish changes on the live site, worked out once from the live release's manifest
 * and a quick read of the content (content-scan.ts), and passed to every stage: the takedown takes `closing` down, the
 * early release publishes `added`, and the manifest records all three.
 */
export interface ReleaseChange {
  /** Appeals the live release shows that are closed now. */
  closing: string[];
  /** Active appeals the live release does not show: new, or reopened. */
  added: string[];
  /** Appeals the live release shows, still active, whose content (text or photos) has changed. */
  edited: string[];
}

export function releaseChange(
  live: { activeIds: readonly string[]; appeals?: Readonly<Record<string, string>> | undefined } | undefined,
  now: {
    activeIds: readonly string[];
    closedIds: readonly string[];
    appeals: Readonly<Record<string, string>>;
  },
): ReleaseChange {
  const shown = new Set(live?.activeIds ?? []);
  const closed = new Set(now.closedIds);
  return {
    closing: [...shown].filter((id) => closed.has(id)).sort(),
    added: now.activeIds.filter((id) => !shown.has(id)).sort(),
    // A live release from before the manifest kept digests: every appeal it shows counts as edited.
    edited: now.activeIds.filter((id) => shown.has(id) && live?.appeals?.[id] !== now.appeals[id]).sort(),
  };
}

/** "closing 2026-0042; added 2026-0043, 2026-0044", for the log. */
export function describeChange(change: ReleaseChange): string {
  const parts = (['closing', 'added', 'edited'] as const)
    .filter((key) => change[key].length > 0)
    .map((key) =>
      change[key].length > 5 ? `${key} ${change[key].length} appeals` : `${key} ${change[key].join(', ')}`,
    );
  return parts.length > 0 ? parts.join('; ') : 'no appeal changed';
}
