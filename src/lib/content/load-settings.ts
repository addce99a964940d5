import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type SiteSettings, settingsSchema } from '../model/settings-schema.ts';
import { type ContentProblem, problemsFromIssues } from './content-errors.ts';
import { loadTextYaml } from './frontmatter.ts';
import { lstatOrUndefined, notRegularFile } from './regular-file.ts';

export const SETTINGS_FILE = 'settings.yaml';

/** Reads and validates `content/settings.yaml`: the settings, or what is wrong with them. */
export function loadSettings(
  contentDir: string,
  displayRoot = process.cwd(),
): { settings?: SiteSettings; problems: ContentProblem[] } {
  const abs = path.join(contentDir, SETTINGS_FILE);
  const file = path.relative(displayRoot, abs) || abs;
  const stats = lstatOrUndefined(abs);
  if (!stats) return { problems: [{ file, message: 'expected a settings file, but it is missing' }] };
  const notRegular = notRegularFile(stats);
  if (notRegular) return { problems: [{ file, message: notRegular }] };
  let raw: unknown;
  try {
    raw = loadTextYaml(readFileSync(abs, 'utf8'));
  } catch (error) {
    return {
      problems: [
        { file, message: `expected valid YAML; ${(error as { reason?: string }).reason ?? String(error)}` },
      ],
    };
  }
  const result = settingsSchema.safeParse(raw ?? {});
  if (result.success) return { settings: result.data, problems: [] };
  return { problems: problemsFromIssues(file, result.error.issues, raw, settingsSchema) };
}
