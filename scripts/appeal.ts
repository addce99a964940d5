// `npm run appeal -- <command>`: the appeal lifecycle for comms staff. A dispatcher: each command is in
// scripts/lib/ (appeal-new-cli.ts, appeal-lifecycle-cli.ts, check-cli.ts) over the use cases in src/lib.
import { parseArgs } from 'node:util';
import { buildDate } from '../src/lib/model/build-date.ts';
import { contentDirectory } from '../src/lib/content/content-location.ts';
import { validateContent } from '../src/lib/content/validate-content.ts';
import { commandLifecycle } from './lib/appeal-lifecycle-cli.ts';
import { commandNew } from './lib/appeal-new-cli.ts';
import { runCheck } from './lib/check-cli.ts';
import { fail, UsageError } from './lib/cli-usage.ts';
import { operatorEnvOrExit } from './lib/operator-env.ts';

const USAGE = `Usage: npm run appeal -- <command> [options]

Commands:
  new                      Create an appeal and ingest its photos (asks for anything not given)
  found <id>               Close an appeal because the child is safe, then republish
  withdraw <id> --reason R Close an appeal for another reason, then republish. R is one of:
                           consent-withdrawn, legal, police-request, safeguarding, duplicate, other
  reopen <id>              Restore a closed appeal from the archive (a mistaken closure)
  purge <id> --yes         Delete a closed appeal's archived data for ever
  list                     List appeals [--status active|found|withdrawn]
  check                    Validate all content (the same as npm run check)

Options for found, withdraw and reopen:
  --by "Name"                 Who is doing this, for the audit log (default: git config user.name)
  --no-publish                Change the content only; publish later with npm run republish

Options for new (all text; run without flags to be asked):
  --name "Full Name"          --known-as "Nick, Other"     --sex female|male
  --dob 2012-03-14 | --age 14 --missing-since "2026-05-01 18:30"
  --place "Outside the library" --town Leeds --region yorkshire-and-the-humber
  --height --build --hair --eyes --clothing --features
  --photo path.jpg --alt "Description of the photo"   (repeat both for more photos)
  --caption "text" --kind photo|age-progressed --taken 2026-04   (per photo, in order)
  --force "West Yorkshire Police" --reference 13260012345
  --consent-by "Mother" [--consent-date 2026-05-01] [--review-by 2026-08-01]
  --urgent                    --circumstances "What happened, in plain words."
  --no-input                  Never prompt; fail listing what is missing
`;

async function commandList(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { status: { type: 'string' } }, strict: true });
  const operator = operatorEnvOrExit();
  const report = await validateContent(contentDirectory(operator), { today: buildDate(operator) });
  const rows = report.appeals.filter((a) => !values.status || a.status === values.status);
  for (const appeal of rows) {
    const detail =
      appeal.status === 'active'
        ? `${appeal.data.missingSince.padEnd(16)}  ${appeal.data.name}`
        : `closed ${appeal.data.closedAt ?? ''}`;
    console.log(`${appeal.id}  ${appeal.status.padEnd(9)}  ${detail}`);
  }
  console.log(
    `${rows.length} appeal${rows.length === 1 ? '' : 's'}${report.problems.length ? `; ${report.problems.length} files have problems (npm run check)` : ''}.`,
  );
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case 'found':
    case 'withdraw':
    case 'reopen':
    case 'purge':
      return commandLifecycle(command, rest);
    case 'new':
      return commandNew(rest);
    case 'list':
      return commandList(rest);
    case 'check':
      return runCheck();
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    fail((error as Error).message);
  throw error;
});
