// What a failed republish tells the comms officer (src/lib/publishing/describe-failure.ts): the
// command line and the studio both show these words, and they must say what actually went live.
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/lib/publishing/describe-failure.ts';
import { StageError, type Stage } from '../../src/lib/publishing/stage-clock.ts';

const failure = (
  stage: Stage,
  live: Partial<Pick<StageError, 'takenDown' | 'publishedEarly' | 'released'>> = {},
) => Object.assign(new StageError(stage, 'what went wrong'), live);

describe('describeFailure', () => {
  it('says the live site was not changed when nothing of the republish went live', () => {
    for (const stage of ['lock', 'validate', 'build', 'verify', 'release', 'switch'] as const)
      expect(describeFailure(failure(stage)), stage).toBe('The live site was not changed.');
  });

  it('says the takedown is live when a later stage failed (the studio used to say the site was not changed)', () => {
    const takenDown = { release: '2026-12-05T08-00-00-000Z-42', ids: ['2026-0102'] };
    for (const stage of ['validate', 'build', 'verify', 'release', 'switch'] as const) {
      const words = describeFailure(failure(stage, { takenDown }));
      expect(words, stage).toBe(
        'The takedown of 2026-0102 is live (release 2026-12-05T08-00-00-000Z-42): its address answers with the closed notice and its pages and photos are gone from the site. Nothing else was published.',
      );
      expect(words).not.toMatch(/not changed/);
    }
  });

  it('says the new release is live when only the purge hook failed (appeal found used to say the old release was live)', () => {
    const words = describeFailure(failure('purge-hook', { released: '2026-12-05T08-01-00-000Z-42' }));
    expect(words).toMatch(/^The new release 2026-12-05T08-01-00-000Z-42 is live, with every change/);
    expect(words).not.toMatch(/old release|not changed/);
    // After a takedown too: the full release is what is live, not only the takedown.
    const afterTakedown = describeFailure(
      failure('purge-hook', {
        released: '2026-12-05T08-01-00-000Z-42',
        takenDown: { release: '2026-12-05T08-00-00-000Z-42', ids: ['2026-0102'] },
      }),
    );
    expect(afterTakedown).toMatch(/^The new release 2026-12-05T08-01-00-000Z-42 is live, with every change/);
    expect(afterTakedown).toContain('the closure of 2026-0102');
    expect(afterTakedown).not.toMatch(/Nothing else was published/);
    // The purge hook runs only after the switch: even unnamed, the new release is live.
    expect(describeFailure(failure('purge-hook'))).toMatch(/^The new release is live/);
  });

  it('says the early release is live when a later stage failed', () => {
    const publishedEarly = { release: '2026-12-05T08-00-00-000Z-42', ids: ['2026-0104'] };
    const words = describeFailure(failure('build', { publishedEarly }));
    expect(words).toMatch(
      /^The early release of 2026-0104 is live \(release 2026-12-05T08-00-00-000Z-42\): its page is on the site/,
    );
    expect(words).toMatch(/listings, feeds and sitemap do not show it yet\. Nothing else was published\.$/);
  });
});
