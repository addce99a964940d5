// `npm run republish [-- --no-wait | --rollback | --watch]`: build, verify and switch the live release.
import { watch } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildDate } from '../src/lib/model/build-date.ts';
import { describeFailure } from '../src/lib/publishing/describe-failure.ts';
import { rollback } from '../src/lib/publishing/rollback.ts';
import { StageError } from '../src/lib/publishing/stage-clock.ts';
import { printSummary, runRepublish } from './lib/publish-cli.ts';
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
    },
  });
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
    try {
      printSummary(await runRepublish(context, { wait: !values['no-wait'] }), startedAt);
    } catch (error) {
      failed(error);
    }
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
