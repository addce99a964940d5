/**
 * Search results from several index shards, each list already in the order asked for (Pagefind
 * sorts within a shard), merged into one order lazily: a result's sort key costs a fragment
 * download, so keys are fetched only for the head of each shard's list, and only as far as the
 * results wanted. Showing the first ten of four shards fetches at most thirteen fragments.
 */
export interface OrderedResults<T> {
  total: number;
  /** The first `count` results in order (fewer if there are not that many). */
  take(count: number): Promise<T[]>;
}

export const orderedList = <T>(items: readonly T[]): OrderedResults<T> => ({
  total: items.length,
  // eslint-disable-next-line @typescript-eslint/require-await -- async by contract; one list has nothing to await
  take: async (count) => items.slice(0, count),
});

export function mergeOrdered<T>(
  lists: ReadonlyArray<readonly T[]>,
  key: (item: T) => Promise<string>,
  direction: 'asc' | 'desc',
): OrderedResults<T> {
  if (lists.length === 1) return orderedList(lists[0]!);
  const heads = lists.map(() => 0);
  const keys = new Map<T, Promise<string>>();
  const keyOf = (item: T) => {
    let known = keys.get(item);
    if (!known) keys.set(item, (known = key(item)));
    return known;
  };
  const merged: T[] = [];
  const before = (a: string, b: string) => (direction === 'asc' ? a < b : a > b);
  // One merge at a time: a second `take` waits for the first and continues from where it stopped.
  let busy: Promise<unknown> = Promise.resolve();
  const grow = async (count: number) => {
    while (merged.length < count) {
      const candidates = lists.flatMap((list, i) => (heads[i]! < list.length ? [i] : []));
      if (candidates.length === 0) break;
      const headKeys = await Promise.all(candidates.map((i) => keyOf(lists[i]![heads[i]!]!)));
      // The first list wins a tie, so the order is the same on every run.
      let best = 0;
      for (let c = 1; c < candidates.length; c++) if (before(headKeys[c]!, headKeys[best]!)) best = c;
      const list = candidates[best]!;
      merged.push(lists[list]![heads[list]!]!);
      heads[list]!++;
    }
  };
  return {
    total: lists.reduce((sum, list) => sum + list.length, 0),
    take(count) {
      const run = busy.then(() => grow(count));
      busy = run.catch(() => undefined);
      return run.then(() => merged.slice(0, count));
    },
  };
}
