// `npm run appeal -- found|withdraw|reopen|purge <id>`: the lifecycle use cases from the command line, then a
// republish (unless --no-publish), telling the truth about what is live when publishing fails.
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { AlreadyClosedError, LifecycleError } from '../../src/lib/lifecycle/appeal-archive.ts';
import {
  COPIES_CHECKLIST,
  WITHDRAW_REASONS,
  type WithdrawReason,
} from '../../src/lib/lifecycle/appeal-lifecycle.ts';
import {
  closeFound,
  finishClosure,
  isWithdrawReason,
  purgeAppeal,
  reopenAppeal,
  withdrawAppeal,
} from '../../src/lib/lifecycle/use-cases.ts';
import { formatCalendarDate } from '../../src/lib/model/calendar-date.ts';
import { buildDate } from '../../src/lib/model/build-date.ts';
import { describeFailure } from '../../src/lib/publishing/describe-failure.ts';
import { liveReleaseShows } from '../../src/lib/publishing/releases.ts';
import { StageError } from '../../src/lib/publishing/stage-clock.ts';
import { studioDataDir } from '../../src/lib/studio/studio-config.ts';
import { alertsDataDir } from '../../src/lib/alerts/alerts-config.ts';
import { closedAppealDetails, verifyAlertsStore } from '../../src/lib/alerts/verify-alerts-store.ts';
import { UsageError } from './cli-usage.ts';
import { printSummary, runRepublish } from './publish-cli.ts';
import { publishingContext, type PublishingContext } from './publishing-context.ts';

function operator(by: string | undefined): string {
  if (by?.trim()) return by.trim();
  const git = spawnSync('git', ['config', 'user.name'], { encoding: 'utf8' });
  return git.status === 0 && git.stdout.trim() ? git.stdout.trim() : userInfo().username;
}

const LIFECYCLE_OPTIONS = {
  by: { type: 'string' },
  'no-publish': { type: 'boolean', default: false },
  reason: { type: 'string' },
  yes: { type: 'boolean', default: false },
} as const;

async function publishAfter(
  context: PublishingContext,
  action: string,
  id: string,
  startedAt: number,
  noPublish: boolean,
  done?: string,
): Promise<void> {
  if (noPublish) {
    console.log(
      `${action} ${id}. Not published (--no-publish): run npm run republish to update the live site.`,
    );
    return;
  }
  console.log(`${action} ${id}. Publishing...`);
  try {
    const summary = await runRepublish(context, { wait: true });
    printSummary(summary, startedAt);
    console.log(
      `The live site was updated ${((performance.now() - startedAt) / 1000).toFixed(1)} s after the command started.`,
    );
    if (done) console.log(done);
  } catch (error) {
    if (error instanceof StageError) {
      console.error(`${action} ${id} in the content, but publishing failed at stage "${error.stage}". ${describeFailure(error)}
${error.message}
Fix the problem and run npm run republish at once.`);
      process.exit(error.exitCode);
    }
    throw error;
  }
}

/** `found|withdraw|reopen|purge <id> [options]`: see the commands' usage in scripts/appeal.ts. */
export async function commandLifecycle(
  command: 'found' | 'withdraw' | 'reopen' | 'purge',
  argv: string[],
): Promise<void> {
  const startedAt = performance.now();
  const { values, positionals } = parseArgs({
    args: argv,
    options: LIFECYCLE_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const id = positionals[0];
  if (!id || positionals.length > 1)
    throw new UsageError(`Give one appeal id: npm run appeal -- ${command} 2026-0042`);
  const context = publishingContext();
  // The studio's data folder, as the studio finds it: closing deletes the appeal's history, draft and preview there.
  // The alerts' data folder: closing cancels the appeal's queued alerts there (use-cases.ts).
  const folders = {
    ...context,
    dataDir: studioDataDir(context.operator, context.projectRoot),
    alertsDataDir: alertsDataDir(context.operator, context.projectRoot),
  };
  const today = formatCalendarDate(buildDate(context.operator));
  const by = operator(values.by);
  const cancelAlerts = (cancelled: number) => {
    if (cancelled > 0)
      console.log(`Cancelled ${cancelled} queued alert${cancelled === 1 ? '' : 's'} for ${id}.`);
  };
  // After the takedown, the closure's verification of the alerts store: nothing of the child may be
  // left in a row, a file or the data folder (the takedown is never held up for it).
  const verifyAlerts = () => {
    const closed = closedAppealDetails(context.archiveDir).filter((a) => a.id === id);
    const findings = verifyAlertsStore(folders.alertsDataDir, closed);
    if (findings.length === 0) return;
    console.error(
      `The alerts data in ${folders.alertsDataDir} still holds details of appeal ${id}. Remove them, then run npm run verify:`,
    );
    for (const f of findings) console.error(`  ${f.where}: ${f.problem}`);
    process.exitCode = 1;
  };
  // A closure killed after its content said closed left the child live: a retry finishes it.
  const closing = async (close: () => { alertsCancelled: number }, reason?: WithdrawReason) => {
    let cancelled: number;
    try {
      cancelled = close().alertsCancelled;
    } catch (error) {
      if (!(error instanceof AlreadyClosedError) || !liveReleaseShows(context.deployDir, id)) throw error;
      cancelAlerts(finishClosure(folders, { id, by, reason }));
      console.log(
        `Appeal ${id} was already closed, but its takedown had not finished: the live site still shows it.`,
      );
      await publishAfter(
        context,
        'Finished closing appeal',
        id,
        startedAt,
        values['no-publish'],
        `Appeal ${id} was already closed; its takedown had not finished. It is now taken down.`,
      );
      return verifyAlerts();
    }
    cancelAlerts(cancelled);
    await publishAfter(context, 'Closed appeal', id, startedAt, values['no-publish']);
    verifyAlerts();
  };
  try {
    if (command === 'found') {
      await closing(() => closeFound(folders, { id, today, by }));
    } else if (command === 'withdraw') {
      const reason = values.reason;
      if (!isWithdrawReason(reason))
        throw new UsageError(
          `withdraw needs --reason, one of: ${WITHDRAW_REASONS.join(', ')}. Nothing was changed.`,
        );
      await closing(() => withdrawAppeal(folders, { id, today, reason, by }), reason);
    } else if (command === 'reopen') {
      reopenAppeal(context, { id, today, by });
      await publishAfter(context, 'Reopened appeal', id, startedAt, values['no-publish']);
    } else {
      if (!values.yes)
        throw new UsageError(
          `purge deletes ${id}'s archived data for ever. Run again with --yes to confirm. Nothing was changed.`,
        );
      purgeAppeal(context, { id, by });
      console.log(
        `Purged the archived data of ${id}. It cannot be reopened.\n\nCopies this command cannot reach; clear each one:`,
      );
      for (const item of COPIES_CHECKLIST) console.log(`  - ${item}`);
    }
  } catch (error) {
    if (error instanceof LifecycleError) throw new UsageError(error.message);
    throw error;
  }
}
