// `npm run republish [-- --no-wait | --rollback | --watch]`: build, verify and switch the live release.
import { watch } from 'node:fs';
import { parseArgs } from 'node:util';
import { republish, rollback, StageError, type RepublishSummary } from '../src/lib/publishing/republish.ts';
import { publishingContext } from './lib/publishing-context.ts';

export function printSummary(summary: RepublishSummary, startedAt: number): void {
  const stages = Object.entries(summary.stageMs)
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  const { takedown, early } = summary;
  if (takedown?.liveAt !== undefined) {
    console.log(
      `Taken down ${takedown.closingIds.join(', ')}: takedown release ${takedown.release} live ${((takedown.liveAt - startedAt) / 1000).toFixed(1)} s after the command started (takedown ${(takedown.ms / 1000).toFixed(1)} s).`,
    );
  } else if (takedown) {
    console.log(`No takedown release (${takedown.fellBack}); the full build published the closure.`);
  }
  if (early?.liveAt !== undefined) {
    console.log(
      `Published ${early.addedIds.join(', ')} early: release ${early.release} live ${((early.liveAt - startedAt) / 1000).toFixed(1)} s after the command started (early release ${(early.ms / 1000).toFixed(1)} s).`,
    );
  } else if (early) {
    console.log(`No early release (${early.fellBack}); the full build published the new appeals.`);
  }
  console.log(
    `Published release ${summary.release}: ${summary.active} active appeals, ${summary.closed} closed.`,
  );
  console.log(
    `  ${summary.changedUrls.length} URLs changed; ${summary.removedReleases.length} old releases removed; ${summary.prunedCacheFiles} cached images pruned.`,
  );
  console.log(
    `  Stages: ${stages}. Live ${((performance.now() - startedAt) / 1000).toFixed(1)} s after the command started.`,
  );
}

export async function runRepublish(options: { wait: boolean; startedAt: number }): Promise<RepublishSummary> {
  const context = publishingContext();
  return republish({ ...context, wait: options.wait, log: (line) => console.log(line) });
}

/** What a failed republish left live: the takedown of closed appeals, or nothing new at all. */
export function liveAfterFailure(error: StageError): string {
  if (error.takenDown)
    return `The takedown of ${error.takenDown.ids.join(', ')} is live (release ${error.takenDown.release}): its address answers with the closed notice and its pages and photos are gone from the site. Nothing else was published.`;
  return error.stage === 'purge-hook' ? 'The new release is live.' : 'The live site was not changed.';
}

function failed(error: unknown): never {
  if (error instanceof StageError) {
    console.error(`Republish failed at stage "${error.stage}". ${liveAfterFailure(error)}\n${error.message}`);
    process.exit(error.exitCode);
  }
  throw error;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'no-wait': { type: 'boolean', default: false },
      rollback: { type: 'boolean', default: false },
      watch: { type: 'boolean', default: false },
    },
  });
  if (values.rollback) {
    const context = publishingContext();
    try {
      const { from, to } = await rollback(context);
      console.log(`Rolled back: ${from} → ${to}.`);
    } catch (error) {
      failed(error);
    }
    return;
  }
  if (!values.watch) {
    const startedAt = performance.now();
    try {
      printSummary(await runRepublish({ wait: !values['no-wait'], startedAt }), startedAt);
    } catch (error) {
      failed(error);
    }
    return;
  }
  // Watch: fold a burst of edits into one publish, and never run two at once.
  const { contentDir } = publishingContext();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const go = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const startedAt = performance.now();
    try {
      printSummary(await runRepublish({ wait: true, startedAt }), startedAt);
    } catch (error) {
      if (error instanceof StageError)
        console.error(
          `Republish failed at stage "${error.stage}". ${liveAfterFailure(error)}\n${error.message}`,
        );
      else console.error(error);
    } finally {
      running = false;
      if (again) {
        again = false;
        void go();
      }
    }
  };
  watch(contentDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void go(), 1000);
  });
  console.log(`Watching ${contentDir}; publishing a second after each burst of changes. Ctrl+C stops.`);
  void go();
}

if (import.meta.main) await main();
