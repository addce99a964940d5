import path from 'node:path';
import type { OperatorEnv } from '../config/operator-env.ts';
import { insideFolder } from '../files/inside-folder.ts';
import { realPath } from '../files/real-path.ts';
import { auditLogPath } from '../lifecycle/audit-log.ts';
import type { ContentProblem } from '../content/content-errors.ts';
import type { SiteSettings } from '../model/settings-schema.ts';

export interface PublishConfig {
  deployDir: string;
  archiveDir: string;
  cacheDir: string;
  keep: number;
  /** The operator's command run after each switch (`PURGE_HOOK`); never from content. */
  purgeHook?: string | undefined;
  /** The immediate takedown of newly closed appeals before the full build; `NO_TAKEDOWN=1` turns it off. */
  takedown: boolean;
  /** The early release of newly added appeals before the full build; `NO_EARLY_RELEASE=1` turns it off. */
  earlyRelease: boolean;
}

/** Publishing folders or settings that must not be used; the message says which and why. */
export class PublishConfigError extends Error {}

type Around = { contentDir: string; publicDir: string; distDir: string };

/** The folders authors edit or that are published, each with its name and why nothing private may be there. */
function placesAround(around: Around): Array<[string, string, string]> {
  return [
    [around.contentDir, 'the content folder', 'which authors edit and the build reads'],
    [around.publicDir, 'the public folder', 'whose every file is copied into the published site'],
    [around.distDir, 'the build folder dist/', 'which is published as it is'],
  ];
}

/**
 * Where the archive of closed children's data and the releases may not be: inside a folder that
 * authors edit, that the build reads or copies, or that is served. Each problem names the setting.
 */
export function publishFolderProblems(
  folders: { deployDir: string; archiveDir: string },
  around: Around,
  names: { deployDir: string; archiveDir: string },
): string[] {
  const places = placesAround(around);
  const problems: string[] = [];
  const check = (setting: string, dir: string, what: string, others: Array<[string, string, string]>) => {
    for (const [place, label, why] of others) {
      if (insideFolder(realPath(dir), realPath(place)))
        problems.push(
          `${setting}: expected ${what} outside ${label} (${place}), ${why}; got ${dir}. Choose a folder of its own.`,
        );
    }
  };
  check(names.archiveDir, folders.archiveDir, 'the private archive of closed appeals', [
    ...places,
    [folders.deployDir, 'the deploy folder', 'whose releases are served'],
  ]);
  check(names.deployDir, folders.deployDir, 'the deploy folder', [
    ...places,
    [folders.archiveDir, 'the archive folder', 'which holds closed children’s data'],
  ]);
  return problems;
}

/**
 * Where `AUDIT_LOG` may not be: it lists every closure, so anywhere published it would announce them.
 */
function auditLogProblems(file: string, deployDir: string, around: Around): string[] {
  const places: Array<[string, string, string]> = [
    ...placesAround(around),
    [deployDir, 'the deploy folder', 'whose releases are served'],
  ];
  return places
    .filter(([place]) => insideFolder(realPath(file), realPath(place)))
    .map(
      ([place, label, why]) =>
        `AUDIT_LOG: expected the audit log of closures outside ${label} (${place}), ${why}; got ${file}. Choose a file of its own.`,
    );
}

/**
 * Where publishing reads and writes. Environment variables override `publish` in settings;
 * relative paths are from the project root. The archive and the deploy folder must sit apart from
 * the content, public/, dist/ and each other (`PublishConfigError` otherwise). The purge hook comes
 * from the environment only: a command in content would let anyone who edits content run it.
 */
export function publishConfig(
  settings: SiteSettings | undefined,
  operator: OperatorEnv,
  projectRoot: string,
  contentDir: string,
): PublishConfig {
  const publish = settings?.publish ?? {};
  const resolve = (value: string) => path.resolve(projectRoot, value);
  const config: PublishConfig = {
    deployDir: resolve(operator.deployDir ?? publish.deployDir ?? 'deploy'),
    archiveDir: resolve(operator.archiveDir ?? publish.archiveDir ?? 'archive'),
    // Outside node_modules, so `npm install` never empties it.
    cacheDir: resolve(operator.astroCacheDir ?? '.cache/astro'),
    keep: operator.keepReleases ?? publish.keepReleases ?? 3,
    purgeHook: operator.purgeHook,
    takedown: operator.takedown,
    earlyRelease: operator.earlyRelease,
  };
  const set = { DEPLOY_DIR: operator.deployDir, ARCHIVE_DIR: operator.archiveDir };
  const setting = (variable: keyof typeof set, key: string, value: string | undefined, fallback: string) =>
    set[variable] !== undefined
      ? variable
      : value !== undefined
        ? `publish.${key} in settings`
        : `${variable} (unset, so "${fallback}")`;
  const around = {
    contentDir,
    publicDir: path.join(projectRoot, 'public'),
    distDir: path.join(projectRoot, 'dist'),
  };
  const problems = publishFolderProblems(config, around, {
    deployDir: setting('DEPLOY_DIR', 'deployDir', publish.deployDir, 'deploy'),
    archiveDir: setting('ARCHIVE_DIR', 'archiveDir', publish.archiveDir, 'archive'),
  });
  // Resolved as the commands that write it resolve it; unset, it is in the archive, checked above.
  if (operator.auditLog !== undefined)
    problems.push(
      ...auditLogProblems(auditLogPath(config.archiveDir, operator.auditLog), config.deployDir, around),
    );
  if (problems.length > 0) throw new PublishConfigError(problems.join('\n'));
  return config;
}

/** `publishConfig`'s refusals as problems, for `npm run check` and the build to list with the rest. */
export function publishConfigProblems(
  settings: SiteSettings | undefined,
  operator: OperatorEnv,
  projectRoot: string,
  contentDir: string,
): ContentProblem[] {
  try {
    publishConfig(settings, operator, projectRoot, contentDir);
    return [];
  } catch (error) {
    if (!(error instanceof PublishConfigError)) throw error;
    return error.message.split('\n').map((message) => ({ file: 'publishing folders', message }));
  }
}
