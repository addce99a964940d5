import { describe, expect, it } from 'vitest';
import { isAppealId, nextAppealId } from '../../src/lib/model/appeal-id.ts';
import { buildDemoAppeals, demoAppealId, MAX_DEMO_APPEALS } from '../../scripts/lib/demo/build-appeals.ts';

describe('demo and benchmark appeal ids', () => {
  it('stay valid and unique beyond 9,999 appeals, leaving room for new appeals this year', () => {
    expect([0, 8999, 9000, 9999].map(demoAppealId)).toEqual([
      '2026-0001',
      '2026-9000',
      '2025-0001',
      '2025-1000',
    ]);
    const appeals = buildDemoAppeals(10_000, 4242);
    const ids = appeals.map((a) => a.id);
    expect(new Set(ids).size).toBe(10_000);
    expect(ids.every(isAppealId)).toBe(true);
    // The benchmark adds new appeals with the next free id of 2026.
    expect(nextAppealId(ids, 2026)).toBe('2026-9001');
    expect(() => buildDemoAppeals(MAX_DEMO_APPEALS + 1)).toThrow(/from 1 to 18000/);
  });
});
