/** Listing order: newest disappearance first; ties broken by id so builds are stable. */
export interface Orderable {
  id: string;
  missingSince: string;
  urgent: boolean;
}

export function newestFirst<T extends Orderable>(appeals: readonly T[]): T[] {
  return [...appeals].sort(
    (a, b) => b.missingSince.localeCompare(a.missingSince) || b.id.localeCompare(a.id),
  );
}

/** Home page: urgent alerts (newest first), then the newest of the rest, up to `limit`. */
export function homePageSections<T extends Orderable>(
  appeals: readonly T[],
  limit: number,
): { urgent: T[]; latest: T[] } {
  const ordered = newestFirst(appeals);
  return {
    urgent: ordered.filter((a) => a.urgent),
    latest: ordered.filter((a) => !a.urgent).slice(0, limit),
  };
}
