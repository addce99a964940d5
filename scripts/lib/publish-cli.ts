// What `npm run republish` and `npm run appeal` share: running a republish with the command's
// publishing context, and printing its summary or what a failure left live.
import { buildDate } from '../../src/lib/model/build-date.ts';
import { describeChange } from '../../src/lib/publishing/release-change.ts';
import { republish, type RepublishSummary } from '../../src/lib/publishing/republish.ts';
import type { PublishingContext } from './publishing-context.ts';

/** A republish with the command's context (built once per command), printing its log as it goes. */
export function runRepublish(
  context: PublishingContext,
  options: { wait: boolean },
): Promise<RepublishSummary> {
  return republish({
    ...context,
    wait: options.wait,
    today: buildDate(context.operator),
    log: (line) => console.log(line),
  });
}

/** `startedAt`: `performance.now()` when the command started. */
export function printSummary(summary: RepublishSummary, startedAt: number): void {
  const sinceStart = (at: Date) => ((at.getTime() - (performance.timeOrigin + startedAt)) / 1000).toFixed(1);
  const stages = Object.entries(summary.stageMs)
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  const { takedown, early } = summary;
  if (takedown?.liveAt !== undefined) {
    console.log(
      `Taken down ${takedown.closingIds.join(', ')}: takedown release ${takedown.release} live ${sinceStart(takedown.liveAt)} s after the command started (takedown ${(takedown.ms / 1000).toFixed(1)} s).`,
    );
  } else if (takedown) {
    console.log(`No takedown release (${takedown.fellBack}); the full build published the closure.`);
  }
  if (early?.liveAt !== undefined) {
    console.log(
      `Published ${early.addedIds.join(', ')} early: release ${early.release} live ${sinceStart(early.liveAt)} s after the command started (early release ${(early.ms / 1000).toFixed(1)} s).`,
    );
  } else if (early) {
    console.log(`No early release (${early.fellBack}); the full build published the new appeals.`);
  }
  console.log(
    `Published release ${summary.release}: ${summary.active} active appeals, ${summary.closed} closed (${describeChange(summary.change)}).`,
  );
  console.log(
    `  ${summary.changedUrls.length} URLs changed; ${summary.removedReleases.length} old releases removed; ${summary.prunedCacheFiles} cached images pruned.`,
  );
  console.log(
    `  Stages: ${stages}. Live ${((performance.now() - startedAt) / 1000).toFixed(1)} s after the command started.`,
  );
}
