import { describe, expect, it } from 'vitest';
import { mergeOrdered, orderedList } from '../../src/lib/search/merge-results.ts';

describe('mergeOrdered', () => {
  const shards = [
    ['2026-05', '2025-01', '2019-11'],
    ['2026-09', '2024-03'],
    [],
    ['2025-07', '2020-02', '2018-01'],
  ];

  it('merges lists already in order into one order, newest or oldest first', async () => {
    const seen: string[] = [];
    const key = (item: string) => (seen.push(item), Promise.resolve(item));
    const newest = mergeOrdered(shards, key, 'desc');
    expect(newest.total).toBe(8);
    expect(await newest.take(100)).toEqual([...shards.flat()].sort().reverse());
    const oldest = mergeOrdered(
      shards.map((list) => [...list].reverse()),
      key,
      'asc',
    );
    expect(await oldest.take(3)).toEqual(['2018-01', '2019-11', '2020-02']);
  });

  it('fetches keys only for the heads of the lists, once each, as far as the results wanted', async () => {
    const seen: string[] = [];
    const merged = mergeOrdered(shards, (item) => (seen.push(item), Promise.resolve(item)), 'desc');
    expect(await merged.take(1)).toEqual(['2026-09']);
    // One key per non-empty list: the three heads.
    expect(seen.sort()).toEqual(['2025-07', '2026-05', '2026-09']);
    expect(await merged.take(2)).toEqual(['2026-09', '2026-05']);
    expect(seen.length).toBe(4);
    // Two takes at once share one merge.
    const [a, b] = await Promise.all([merged.take(4), merged.take(3)]);
    expect(a).toEqual(['2026-09', '2026-05', '2025-07', '2025-01']);
    expect(b).toEqual(a.slice(0, 3));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('is the list itself for one list', async () => {
    expect(await mergeOrdered([['b', 'a']], () => Promise.resolve(''), 'asc').take(5)).toEqual(['b', 'a']);
    expect(await orderedList([1, 2, 3]).take(2)).toEqual([1, 2]);
  });
});
