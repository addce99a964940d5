// `npm run republish [-- --no-wait | --rollback | --watch | --alert]`: build, verify and switch the live
// release; after it, offer (or with --alert, send) the alert of each urgent appeal it published.
import { watch } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildDate } from '../src/lib/model/build-date.ts';
import { describeFailure } from '../src/lib/publishing/describe-failure.ts';
import { rollback } from '../src/lib/publishing/rollback.ts';
import { StageError } from '../src/lib/publishing/stage-clock.ts';
import type { RepublishSummary } from '../src/lib/publishing/republish.ts';
import { printSummary, runRepublish } from './lib/publish-cli.ts';
import { alertsAfterPublish } from './lib/publish-alerts-cli.ts';
import { publishingContext } from './lib/publishing-context.ts';

/** A failed republish or rollback, and what it left live. */
function failureText(error: StageError): string {
  return `Republish failed at stage "${error.stage}". ${describeFailure(error)}\n${error.message}`;
}

function failed(error: unknown): never {
  if (error instanceof StageError) {
    console.error(failureText(error));
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
      alert: { type: 'boolean', default: false },
    },
  });
  if (values.alert && (values.rollback || values.watch)) {
    console.error(
      '--alert goes with a single republish, not with --rollback or --watch. Nothing was changed.',
    );
    process.exit(1);
  }
  const context = publishingContext();
  if (values.rollback) {
    try {
      const { from, to } = await rollback({
        ...context,
        today: buildDate(context.operator),
        log: (line) => console.log(line),
      });
      console.log(`Rolled back: ${from} → ${to}.`);
    } catch (error) {
      failed(error);
    }
    return;
  }
  if (!values.watch) {
    const startedAt = performance.now();
    let summary: RepublishSummary;
    try {
      summary = await runRepublish(context, { wait: !values['no-wait'] });
    } catch (error) {
      failed(error);
    }
    printSummary(summary, startedAt);
    // After the switch: an alert never links to a page that is not live yet.
    if (!(await alertsAfterPublish(context, summary, values.alert))) process.exitCode = 1;
    return;
  }
  // Watch: fold a burst of edits into one publish, and never run two at once.
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
      printSummary(await runRepublish(context, { wait: true }), startedAt);
    } catch (error) {
      if (error instanceof StageError) console.error(failureText(error));
      else console.error(error);
    } finally {
      running = false;
      if (again) {
        again = false;
        void go();
      }
    }
  };
  watch(context.contentDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void go(), 1000);
  });
  console.log(
    `Watching ${context.contentDir}; publishing a second after each burst of changes. Ctrl+C stops.`,
  );
  void go();
}

if (import.meta.main) await main();
