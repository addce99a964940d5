// `npm run appeal -- new`: creates an appeal from flags (asking for anything missing in a terminal) and
// ingests its photos, validating it in a hidden folder before it appears in the content.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { appealFileIn, appealsDir as appealsFolder, idFolder } from '../../src/lib/content/appeal-folder.ts';
import { buildDate } from '../../src/lib/model/build-date.ts';
import { formatProblem } from '../../src/lib/content/content-errors.ts';
import { contentDirectory } from '../../src/lib/content/content-location.ts';
import type { ContentReport } from '../../src/lib/content/content-report.ts';
import { stringifyMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { loadSettings } from '../../src/lib/content/load-settings.ts';
import {
  type NewAppealInput,
  newAppealFrontmatter,
  nextUnissuedId,
} from '../../src/lib/content/new-appeal.ts';
import { neutralPhotoName } from '../../src/lib/content/photo-file.ts';
import { validateAppealFolder } from '../../src/lib/content/validate-appeal.ts';
import { ingestPhoto, PhotoRejectedError } from '../../src/lib/photos/photo-ingest.ts';
import { studioDataDir } from '../../src/lib/studio/studio-config.ts';
import { fail, UsageError } from './cli-usage.ts';
import { operatorEnvOrExit } from './operator-env.ts';
import { PROJECT_ROOT } from './publishing-context.ts';

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

/** `new [options]`: see the command's usage in scripts/appeal.ts. */
export async function commandNew(argv: string[]): Promise<void> {
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
  // Never an id the studio gave a new appeal, even one discarded since (the folder records the CLI's own).
  const id = nextUnissuedId(studioDataDir(operator, PROJECT_ROOT), readdirSync(appealsDir), year);
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
      const target = appealFileIn(idFolder(path.relative(process.cwd(), appealsDir), id));
      throw new UsageError(
        `The appeal was not created. Fix these and run the command again:\n${report.problems.map((p) => `  ${target}: ${p.field ? `${p.field}: ` : ''}${p.message}`).join('\n')}`,
      );
    }
    renameSync(staging, idFolder(appealsDir, id));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const where = path.relative(process.cwd(), appealFileIn(idFolder(appealsDir, id)));
  console.log(
    `Created appeal ${id} at ${where} with ${photos.length} photo${photos.length === 1 ? '' : 's'} (metadata removed).`,
  );
  console.log(`Review it, then publish. The appeal's permanent address will be /appeals/${id}/`);
}
