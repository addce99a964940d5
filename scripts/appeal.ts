// `npm run appeal -- <command>`: the appeal lifecycle for comms staff. Thin wrapper over src/lib.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { nextAppealId } from '../src/lib/model/appeal-id.ts';
import { LifecycleError } from '../src/lib/lifecycle/appeal-archive.ts';
import { COPIES_CHECKLIST, WITHDRAW_REASONS } from '../src/lib/lifecycle/appeal-lifecycle.ts';
import {
  closeFound,
  isWithdrawReason,
  purgeAppeal,
  reopenAppeal,
  withdrawAppeal,
} from '../src/lib/lifecycle/use-cases.ts';
import { APPEAL_FILE, appealFileIn, appealsDir as appealsFolder } from '../src/lib/content/appeal-folder.ts';
import { operatorEnvOrExit } from './lib/operator-env.ts';
import { formatCalendarDate } from '../src/lib/model/calendar-date.ts';
import { describeFailure } from '../src/lib/publishing/describe-failure.ts';
import { StageError } from '../src/lib/publishing/stage-clock.ts';
import { printSummary, runRepublish } from './lib/publish-cli.ts';
import { publishingContext, type PublishingContext } from './lib/publishing-context.ts';
import { buildDate } from '../src/lib/model/build-date.ts';
import { formatProblem } from '../src/lib/content/content-errors.ts';
import { contentDirectory } from '../src/lib/content/content-location.ts';
import { stringifyMarkdownFile } from '../src/lib/content/frontmatter.ts';
import { type NewAppealInput, newAppealFrontmatter } from '../src/lib/content/new-appeal.ts';
import { neutralPhotoName } from '../src/lib/content/photo-file.ts';
import { ingestPhoto, PhotoRejectedError } from '../src/lib/photos/photo-ingest.ts';
import type { ContentReport } from '../src/lib/content/content-report.ts';
import { loadSettings } from '../src/lib/content/load-settings.ts';
import { validateAppealFolder } from '../src/lib/content/validate-appeal.ts';
import { validateContent } from '../src/lib/content/validate-content.ts';

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

class UsageError extends Error {}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const NEW_OPTIONS = {
  name: { type: 'string' },
  'known-as': { type: 'string' },
  sex: { type: 'string' },
  dob: { type: 'string' },
  age: { type: 'string' },
  'missing-since': { type: 'string' },
  place: { type: 'string' },
  town: { type: 'string' },
  region: { type: 'string' },
  height: { type: 'string' },
  build: { type: 'string' },
  hair: { type: 'string' },
  eyes: { type: 'string' },
  clothing: { type: 'string' },
  features: { type: 'string' },
  photo: { type: 'string', multiple: true },
  alt: { type: 'string', multiple: true },
  caption: { type: 'string', multiple: true },
  kind: { type: 'string', multiple: true },
  taken: { type: 'string', multiple: true },
  force: { type: 'string' },
  reference: { type: 'string' },
  'consent-by': { type: 'string' },
  'consent-date': { type: 'string' },
  'review-by': { type: 'string' },
  urgent: { type: 'boolean', default: false },
  circumstances: { type: 'string' },
  year: { type: 'string' },
  'no-input': { type: 'boolean', default: false },
} as const;

type Answers = Record<string, string | undefined>;

/** Asks for each required answer that no flag gave, or, with no terminal, lists them all. */
async function fillMissing(
  answers: Answers,
  required: Array<[key: string, question: string]>,
  interactive: boolean,
): Promise<void> {
  const missing = required.filter(([key]) => !answers[key]?.trim());
  if (missing.length === 0) return;
  if (!interactive) {
    throw new UsageError(
      `Missing ${missing.length === 1 ? 'option' : 'options'}: ${missing.map(([key]) => `--${key}`).join(', ')}. Give them as flags, or run in a terminal to be asked.`,
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const [key, question] of missing) {
      let answer = '';
      while (!answer.trim()) answer = await rl.question(`${question}: `);
      answers[key] = answer.trim();
    }
  } finally {
    rl.close();
  }
}

async function commandNew(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: NEW_OPTIONS, strict: true });
  const operator = operatorEnvOrExit();
  const contentDir = contentDirectory(operator);
  const today = buildDate(operator);
  const { settings, problems } = loadSettings(contentDir);
  if (!settings) fail(problems.map(formatProblem).join('\n'));
  const interactive = !values['no-input'] && process.stdin.isTTY === true;

  const answers: Answers = { ...values, photo: undefined, alt: undefined } as unknown as Answers;
  const photos = values.photo ?? [];
  const alts = values.alt ?? [];
  await fillMissing(
    answers,
    [
      ['name', "Child's full name"],
      ['sex', 'Sex (female or male)'],
      ['missing-since', 'Missing since (e.g. 2026-05-01 or 2026-05-01 18:30)'],
      ['place', 'Where last seen (e.g. Outside Park Road library)'],
      ['town', 'Town or city'],
      ['region', `Region (${settings.regions.map((r) => r.id).join(', ')})`],
      ['force', 'Police force name'],
      ['reference', 'Police reference'],
      ['consent-by', 'Who authorised publication (e.g. Mother, or the police force)'],
      ['circumstances', 'Circumstances, in one or two plain sentences'],
    ],
    interactive,
  );
  if (!answers.dob && !answers.age)
    await fillMissing(
      answers,
      [['dob', 'Date of birth (YYYY-MM-DD), or leave blank and give --age']],
      interactive,
    );
  if (photos.length === 0) {
    await fillMissing(
      answers,
      [
        ['photo', 'Path to a photo'],
        ['alt', 'Describe the photo for people who cannot see it'],
      ],
      interactive,
    );
    photos.push(answers.photo!);
    alts.push(answers.alt!);
  }
  if (alts.length !== photos.length)
    throw new UsageError(
      `Each --photo needs its own --alt: got ${photos.length} photos and ${alts.length} alt texts.`,
    );
  for (const photo of photos) if (!existsSync(photo)) throw new UsageError(`--photo: no file at ${photo}`);

  const age = answers.age === undefined ? undefined : Number(answers.age);
  const input: NewAppealInput = {
    name: answers.name!,
    knownAs: (answers['known-as'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sex: answers.sex!,
    ...(answers.dob ? { dateOfBirth: answers.dob } : {}),
    ...(age !== undefined ? { ageAtDisappearance: age } : {}),
    missingSince: answers['missing-since']!,
    place: answers.place!,
    town: answers.town!,
    region: answers.region!,
    description: {
      height: answers.height,
      build: answers.build,
      hair: answers.hair,
      eyes: answers.eyes,
      clothing: answers.clothing,
      features: answers.features,
    },
    photos: photos.map((_, i) => ({
      alt: alts[i]!,
      ...(values.caption?.[i] ? { caption: values.caption[i] } : {}),
      ...(values.kind?.[i] ? { kind: values.kind[i] as 'photo' | 'age-progressed' } : {}),
      ...(values.taken?.[i] ? { taken: values.taken[i] } : {}),
    })),
    forceName: answers.force!,
    reference: answers.reference!,
    consentBy: answers['consent-by']!,
    ...(answers['consent-date'] ? { consentDate: answers['consent-date'] } : {}),
    ...(answers['review-by'] ? { reviewBy: answers['review-by'] } : {}),
    urgent: values.urgent,
    circumstances: answers.circumstances!,
  };

  const appealsDir = appealsFolder(contentDir);
  mkdirSync(appealsDir, { recursive: true });
  const year = answers.year ? Number(answers.year) : today.year;
  const id = nextAppealId(readdirSync(appealsDir), year);
  // Build the appeal in a hidden folder, validate it there, then rename it into place in one step.
  const staging = path.join(appealsDir, `.new-${id}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  try {
    for (const [i, photo] of photos.entries()) {
      try {
        await ingestPhoto(photo, path.join(staging, neutralPhotoName(i + 1)));
      } catch (error) {
        if (error instanceof PhotoRejectedError) throw new UsageError(`--photo ${photo}: ${error.message}`);
        throw error;
      }
    }
    writeFileSync(
      appealFileIn(staging),
      stringifyMarkdownFile(newAppealFrontmatter(input, today), input.circumstances),
    );
    const report: ContentReport = { settings, appeals: [], problems: [], warnings: [] };
    await validateAppealFolder(staging, id, report, { today });
    if (report.problems.length > 0) {
      const target = path.join(path.relative(process.cwd(), appealsDir), id, APPEAL_FILE);
      throw new UsageError(
        `The appeal was not created. Fix these and run the command again:\n${report.problems.map((p) => `  ${target}: ${p.field ? `${p.field}: ` : ''}${p.message}`).join('\n')}`,
      );
    }
    renameSync(staging, path.join(appealsDir, id));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const where = path.relative(process.cwd(), appealFileIn(path.join(appealsDir, id)));
  console.log(
    `Created appeal ${id} at ${where} with ${photos.length} photo${photos.length === 1 ? '' : 's'} (metadata removed).`,
  );
  console.log(`Review it, then publish. The appeal's permanent address will be /appeals/${id}/`);
}

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

async function commandLifecycle(
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
  const today = formatCalendarDate(buildDate(context.operator));
  const by = operator(values.by);
  try {
    if (command === 'found') {
      closeFound(context, { id, today, by });
      await publishAfter(context, 'Closed appeal', id, startedAt, values['no-publish']);
    } else if (command === 'withdraw') {
      const reason = values.reason;
      if (!isWithdrawReason(reason))
        throw new UsageError(
          `withdraw needs --reason, one of: ${WITHDRAW_REASONS.join(', ')}. Nothing was changed.`,
        );
      withdrawAppeal(context, { id, today, reason, by });
      await publishAfter(context, 'Closed appeal', id, startedAt, values['no-publish']);
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
      await import('./check.ts');
      return;
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
