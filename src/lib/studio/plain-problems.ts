import type { ContentProblem } from '../content/content-errors.ts';
import { APPEAL_FORM, BODY_FIELD, IN_WELSH, inputForField, PHOTOS_GROUP } from './appeal-form.ts';

/**
 * What the studio says about a problem `npm run check` found: the same problem, in the words of
 * the form (its labels, what to do) rather than the file's (field paths, "expected …, got …", line
 * numbers). GOV.UK's error-message style: say what is wrong and how to fix it.
 */
export interface PlainProblem {
  /** The form input to link to (its name), `photos` for the photos section, or undefined. */
  input: string | undefined;
  /** The sentence shown beside the field and in the summary. */
  message: string;
}

/** How to speak of each field of the form: "Enter {enter}", "{The} must be …". */
interface FieldWords {
  /** "the child's name": after "Enter", or as the subject of a sentence. */
  noun: string;
  /** "Enter the child's name" / "Choose a region": what to do when it is empty. */
  missing: string;
}

/** The words for a Welsh twin, from its English field's: "the hair in Welsh (Cymraeg)". */
function inWelsh(words: FieldWords): FieldWords {
  return { noun: `${words.noun} ${IN_WELSH}`, missing: `Enter ${words.noun} ${IN_WELSH}, or leave it empty` };
}

/** The English fields' words. */
const ENGLISH_WORDS: Readonly<Record<string, FieldWords>> = {
  name: { noun: "the child's name", missing: "Enter the child's name" },
  knownAs: { noun: 'the other names', missing: 'Enter the other names they use, separated by commas' },
  sex: { noun: 'their sex', missing: 'Choose female or male' },
  dateOfBirth: {
    noun: 'the date of birth',
    missing: 'Enter the date of birth, or the age when missing if the date of birth is not to be published',
  },
  ageAtDisappearance: { noun: 'the age when missing', missing: 'Enter the age when missing, like 14' },
  missingSince: { noun: 'the date they went missing', missing: 'Enter the date they went missing' },
  'lastSeen.place': { noun: 'where they were last seen', missing: 'Enter where they were last seen' },
  'lastSeen.town': { noun: 'the town or city', missing: 'Enter the town or city' },
  'lastSeen.region': { noun: 'the region', missing: 'Choose a region' },
  'description.height': { noun: 'the height', missing: 'Enter the height, or leave it empty' },
  'description.build': { noun: 'the build', missing: 'Enter the build, or leave it empty' },
  'description.hair': { noun: 'the hair', missing: 'Describe their hair, or leave it empty' },
  'description.eyes': { noun: 'the eye colour', missing: 'Enter their eye colour, or leave it empty' },
  'description.clothing': {
    noun: 'what they were wearing',
    missing: 'Describe what they were wearing, or leave it empty',
  },
  'description.features': {
    noun: 'the distinguishing features',
    missing: 'Describe distinguishing features, or leave it empty',
  },
  circumstances: { noun: 'what happened', missing: 'Describe what happened, in a few plain sentences' },
  'force.name': { noun: 'the police force', missing: 'Enter the police force' },
  'force.reference': { noun: 'the police reference', missing: 'Enter the police reference' },
  'consent.by': { noun: 'who agreed to publication', missing: 'Enter who agreed to publication' },
  'consent.date': { noun: 'the date they agreed', missing: 'Enter the date they agreed to publication' },
  reviewBy: { noun: 'the review date', missing: 'Enter the date to review the appeal by' },
  urgent: { noun: 'whether the appeal is urgent', missing: 'Tick the box if the appeal is urgent' },
  published: { noun: 'the date first published', missing: 'Enter the date the appeal was first published' },
};

/** Every field of the form, Welsh twins included (a test keeps this in step with APPEAL_FORM). */
export const FIELD_WORDS: Readonly<Record<string, FieldWords>> = {
  ...ENGLISH_WORDS,
  ...Object.fromEntries(
    APPEAL_FORM.flatMap((s) => s.fields).flatMap((f) => {
      const english = f.welshOf === undefined ? undefined : ENGLISH_WORDS[f.welshOf];
      return english ? [[f.path, inWelsh(english)]] : [];
    }),
  ),
};

const PHOTO_WORDS: Readonly<Record<string, (n: number) => FieldWords>> = {
  src: (n) => ({ noun: `photo ${n}`, missing: `Add photo ${n} again` }),
  alt: (n) => ({
    noun: `the description of photo ${n}`,
    missing: `Describe photo ${n} for people who cannot see it`,
  }),
  caption: (n) => ({
    noun: `the caption of photo ${n}`,
    missing: `Enter a caption for photo ${n}, or leave it empty`,
  }),
  kind: (n) => ({
    noun: `the kind of picture ${n} is`,
    missing: `Choose what kind of picture photo ${n} is`,
  }),
  taken: (n) => ({
    noun: `when photo ${n} was taken`,
    missing: `Enter when photo ${n} was taken, or leave it empty`,
  }),
  'welsh.alt': (n) => inWelsh({ noun: `the description of photo ${n}`, missing: '' }),
  'welsh.caption': (n) => inWelsh({ noun: `the caption of photo ${n}`, missing: '' }),
};

const upper = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;
const DATE_EXAMPLE = 'like 4/12/2026 or 4 December 2026';

/** The first number in a message ("of at most 300 characters" → "300"). */
function numberIn(message: string): string {
  return /\d[\d,]*/.exec(message)?.[0] ?? '';
}

/** What the studio says about one photo file problem (its size, type or file). */
function photoFileMessage(
  subject: string,
  message: string,
  fallback = 'cannot be used: remove it and add the photo again, as a JPEG, PNG, WebP or AVIF file',
): string {
  if (/short side/.test(message))
    return `${subject} is too small: it must be at least 600 pixels on its shorter side. Ask for a larger photo`;
  if (/HEIC/.test(message)) return `${subject} is an iPhone HEIC photo: save it as a JPEG and add it again`;
  if (/at most .*(MB|megapixels)/.test(message))
    return `${subject} is too large: make it smaller and add it again`;
  if (/empty|not an image/.test(message))
    return `${subject} is not a photo the studio can read: choose a JPEG, PNG, WebP or AVIF file`;
  return `${subject} ${fallback}`;
}

/** The plain sentence for a problem with `words`' field: the kind of problem, said for that field. */
function sentence(path: string, words: FieldWords, message: string): string {
  const the = upper(words.noun);
  // The rules between the two languages (src/lib/content/welsh-twins.ts).
  if (/its Welsh twin .* is given/.test(message))
    return `Enter ${words.noun} in English too, or empty its Welsh: the English page must say what the Welsh one says`;
  if (/requires both languages/.test(message))
    return `Enter ${words.noun} too: every appeal is published in English and in Welsh`;
  if (/but it is missing|but it is empty|not an empty value|got an empty value|got nothing/.test(message))
    return words.missing;
  if (/of at most \d+ characters|expected at most [\d,]+ characters/.test(message))
    return `${the} must be ${numberIn(message)} characters or fewer`;
  if (/invisible character/.test(message)) return hiddenMessage(words.noun, message);
  if (path.startsWith(BODY_FIELD)) return circumstancesMessage(message, 'what happened');
  if (path === `welsh.${BODY_FIELD}`) return circumstancesMessage(message, `what happened, ${IN_WELSH}`);
  if (/without HTML tags/.test(message))
    return `Remove the < and > signs and what is between them from ${words.noun}`;
  const undrawable = /share card's font cannot draw '([^']+)'/.exec(message)?.[1];
  if (undrawable)
    return `The picture shown when the appeal is shared cannot show '${undrawable}' in ${words.noun}: write it in English letters, as the family would spell it`;
  // Rules between fields and against today, said as they apply to this field.
  if (/dateOfBirth or ageAtDisappearance/.test(message) && /not both/.test(message))
    return 'Give the date of birth or the age when missing, not both: empty one of them';
  if (/dateOfBirth or ageAtDisappearance/.test(message)) return FIELD_WORDS.dateOfBirth!.missing;
  if (/before missingSince/.test(message))
    return 'The date of birth must be before the date they went missing';
  if (/on or after missingSince/.test(message))
    return 'The date first published must be on or after the date they went missing';
  if (/on or before today/.test(message)) return `${the} must be today or in the past`;
  if (/review was due/.test(message))
    return 'The review date has passed: check with the family or the police that the appeal is still needed, then choose a new review date';
  if (/after today/.test(message))
    return 'The review date must be after today: check the appeal is still needed, then choose a new date';
  if (/expected a real date/.test(message)) {
    const reason = /\(([^()]*)\)\s*$/.exec(message)?.[1];
    return `${the} must be a real date${reason ? `: ${reason}` : ''}`;
  }
  if (path === 'missingSince')
    return `Enter the date they went missing, ${DATE_EXAMPLE}, with the time if you know it, like 9:30pm`;
  if (path.endsWith('.taken'))
    return `Enter ${words.noun} as a month or a date, like April 2026 or 12/4/2026`;
  if (/a date like/.test(message)) return `Enter ${words.noun} as a date, ${DATE_EXAMPLE}`;
  if (path === 'ageAtDisappearance')
    return /from 0 to 17/.test(message)
      ? 'The age when missing must be from 0 to 17: this site is for children'
      : 'Enter the age when missing as a whole number of years, like 14';
  if (path === 'lastSeen.region') return 'Choose a region from the list';
  if (path === 'sex') return 'Choose female or male';
  if (/\.src$/.test(path)) return photoFileMessage(upper(words.noun), message);
  if (path === 'knownAs') return words.missing;
  if (/\.kind$/.test(path))
    return `Choose whether ${words.noun.replace('the kind of picture ', 'picture ')} is a photo or an age-progressed image`;
  return `Check ${words.noun}: it is not in a form the site can publish`;
}

/** A hidden character in a field: the code that stands for one, as typed (&shy;), or that it is there. */
function hiddenMessage(noun: string, message: string): string {
  const written = /, written (&[^ ;]+;)\)/.exec(message)?.[1];
  return written
    ? `Remove ${written} from ${noun}: it stands for a hidden character, which can hide a name`
    : `Type ${noun} again: it has a hidden character in it`;
}

/** The circumstances box: what is not allowed in it, without the file's line numbers. */
function circumstancesMessage(message: string, box: string): string {
  const link = /expected links to https:, mailto: or tel: addresses.*got ("[^"]*")/.exec(message);
  if (link)
    return `In ${box}, links must be to a web page starting https://, an email address or a phone number, not ${link[1]}`;
  const rule = /^expected plain Markdown text; (.*?)(?: \(line \d+\))?$/.exec(message)?.[1];
  if (rule) return `In ${box}, ${rule.replace(/\(found \w+\)$/, '').trim()}`;
  return `Check ${box}: use only paragraphs, bold, lists and links`;
}

/** The words for the field at `path` (`lastSeen.town`, `photos[1].alt`, `knownAs[0]`), if the form shows it. */
function wordsFor(path: string): FieldWords | undefined {
  const photo = /^photos\[(\d+)\]\.([\w.]+)$/.exec(path);
  if (photo) return PHOTO_WORDS[photo[2]!]?.(Number(photo[1]) + 1);
  if (path.startsWith(BODY_FIELD)) return FIELD_WORDS[BODY_FIELD];
  return FIELD_WORDS[path.replace(/\[\d+\]$/, '')];
}

/** A problem, as the studio's edit form says it. */
export function plainProblem(problem: ContentProblem, photoCount: number): PlainProblem {
  const field = problem.field?.replace(/\[\d+\]$/, '');
  const input = inputForField(field, photoCount);
  if (problem.field === undefined || problem.field === '') {
    return {
      input: undefined,
      message:
        'Something in this appeal cannot be published. Ask the person who runs the studio to look at it',
    };
  }
  if (input === PHOTOS_GROUP && !/^photos\[\d+\]\./.test(problem.field))
    return {
      input,
      message: /at least one/.test(problem.message)
        ? 'Add at least one photo.'
        : 'Check the photos: remove any that will not show, and add them again.',
    };
  const words = input === undefined ? undefined : wordsFor(problem.field);
  if (!words)
    return {
      input: undefined,
      message:
        'Part of this appeal that the form does not show cannot be published. Ask the person who runs the studio to fix it.',
    };
  return { input, message: `${sentence(field ?? '', words, problem.message)}.` };
}

/** A problem that blocks publishing, as the dashboard lists it: which appeal, and what is wrong. */
export function dashboardProblem(problem: ContentProblem): { id: string | undefined; message: string } {
  const id = /appeals[/\\](\d{4}-\d{4})(?:[/\\]|$)/.exec(problem.file)?.[1];
  if (!id)
    return {
      id,
      message:
        "The site's settings have a problem, so nothing can be published. Ask the person who runs the studio to fix it.",
    };
  return { id, message: plainProblem(problem, Number.MAX_SAFE_INTEGER).message };
}

/** A photo that could not be added ("family.heic: expected …"), in plain words. */
export function plainUploadProblem(problem: string): string {
  const split = problem.indexOf(': ');
  if (split < 0) return problem;
  const name = problem.slice(0, split);
  return `${photoFileMessage(name, problem.slice(split + 2), 'cannot be added: choose a JPEG, PNG, WebP or AVIF photo')}.`;
}
