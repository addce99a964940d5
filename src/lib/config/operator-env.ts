import { z } from 'zod';
import { type CalendarDate, parseCalendarDate } from '../model/calendar-date.ts';

/**
 * The operator's configuration: every environment variable the site, the CLIs and the studio
 * read, read here and only here, checked with zod, and handed down as typed values. A bad value
 * stops the command before it changes anything, with the variable, what was expected and what
 * was found (`SEARCH_SHARD_SIZE: expected a whole number of at least 1, got "abc"`); every bad
 * value at once. What may not be configured at all (a shell command in content, say) is refused
 * where the setting is read: publish-config.ts and studio-config.ts.
 *
 * Child processes (the astro build a republish or a preview runs) still receive variables: they
 * read them back through this module.
 */

type EnvironmentVariables = Record<string, string | undefined>;

export interface OperatorEnv {
  /** `CONTENT_DIR`: the content folder (relative to where the command runs), else `./content`. */
  contentDir: string | undefined;
  /** `DEPLOY_DIR`, `ARCHIVE_DIR`: over `publish.deployDir` and `publish.archiveDir` in settings. */
  deployDir: string | undefined;
  archiveDir: string | undefined;
  /** `AUDIT_LOG`: the audit log file, else `audit-log.jsonl` in the archive. */
  auditLog: string | undefined;
  /** `ASTRO_CACHE_DIR`: the build cache (photo variants, share cards), else `.cache/astro`. */
  astroCacheDir: string | undefined;
  /** `KEEP_RELEASES`: over `publish.keepReleases` in settings. */
  keepReleases: number | undefined;
  /** `PURGE_HOOK`: the command run after each switch; from the environment only, never from content. */
  purgeHook: string | undefined;
  /** `SEARCH_SHARD_SIZE`: appeals per search shard (tests use 1), else the default. */
  searchShardSize: number | undefined;
  /** `LIVE_SITE_URL`: where people reach the live site (src/lib/hosting/public-address.ts). */
  liveSiteUrl: string | undefined;
  /** `BUILD_DATE`: "today" for reproducible builds and tests, else today in London. */
  buildDate: CalendarDate | undefined;
  /** False with `NO_TAKEDOWN=1`: a closure waits for the full release (for comparison runs only). */
  takedown: boolean;
  /** False with `NO_EARLY_RELEASE=1`: a new appeal waits for the full release. */
  earlyRelease: boolean;
  /** `SITE_PREVIEW=1`: a studio preview build (banner, noindex). */
  sitePreview: boolean;
  /** `APPEALS_SUBSET_BUILD=1`: a build of some appeals only (the early release). */
  subsetBuild: boolean;
  /** `APPEALS_BUILD_PARENT`: the process id of the republish that started this build. */
  buildParent: string | undefined;
  studio: {
    /** `STUDIO_PROJECT_ROOT`: set by `npm run studio` for its built server. */
    projectRoot: string | undefined;
    /** `STUDIO_DATA_DIR`: users, sessions, drafts and previews, else `studio-data`. */
    dataDir: string | undefined;
    /** `STUDIO_ORIGIN`: the studio's public origin behind a proxy. */
    origin: string | undefined;
    /** `STUDIO_LOCKOUT_MINUTES`: the longest pause between sign-in tries after wrong passwords. */
    lockoutMinutes: number | undefined;
    /** `STUDIO_TRUST_PROXY=1`: believe the proxy's X-Forwarded-For. */
    trustProxy: boolean;
    /** `STUDIO_PORT`: checked with `--port` by `studioPort`, which names neither. */
    port: string | undefined;
    /** `STUDIO_BUILD_DIR`: where `npm run studio` builds the studio server. */
    buildDir: string | undefined;
  };
  /** The alerts service (`npm run alerts`, src/lib/alerts/alerts-config.ts). */
  alerts: {
    /** `ALERTS_PORT`: its port on 127.0.0.1. */
    port: string | undefined;
    /** `ALERTS_DATA_DIR`: subscribers and the outbox, else `alerts-data`. */
    dataDir: string | undefined;
    /** `ALERTS_SMTP_URL`: the mail relay, like smtp://user:pass@relay.example.org:587. */
    smtpUrl: string | undefined;
    /** `ALERTS_FROM`: the From address of every email. */
    from: string | undefined;
    /** `ALERTS_DKIM_DOMAIN`, `ALERTS_DKIM_SELECTOR`, `ALERTS_DKIM_KEY_FILE`: sign with DKIM when all three are set. */
    dkimDomain: string | undefined;
    dkimSelector: string | undefined;
    dkimKeyFile: string | undefined;
    /** `ALERTS_SEND_PER_SECOND`: the most emails handed to the relay per second. */
    sendPerSecond: number | undefined;
    /** `ALERTS_TRUST_PROXY=1`: take the client's address from the proxy's X-Real-IP. */
    trustProxy: boolean;
    /** `ALERTS_VAPID_PUBLIC_KEY`, `ALERTS_VAPID_PRIVATE_KEY`, `ALERTS_VAPID_SUBJECT`: web push, when all three are set. */
    vapidPublicKey: string | undefined;
    vapidPrivateKey: string | undefined;
    vapidSubject: string | undefined;
    /** `ALERTS_PUSH_HOSTS`: the push services subscriptions may name (comma-separated hosts), else the browsers'. */
    pushHosts: string[] | undefined;
  };
}

/** One or more variables with bad values: one line each, naming the variable. */
export class OperatorEnvError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/** A variable read as text (a path or a command): any value is accepted. */
const text = z.string().optional();

/**
 * A variable parsed by `parse`, which returns undefined for a value it does not accept. An empty
 * value counts as unset. The message says what was expected; `readOperatorEnv` adds the variable
 * and what was found.
 */
function parsed<T>(expected: string, parse: (raw: string) => T | undefined) {
  return z
    .string()
    .optional()
    .transform((raw, context): T | undefined => {
      if (raw === undefined || raw.trim() === '') return undefined;
      const value = parse(raw.trim());
      if (value === undefined) {
        context.addIssue({ code: 'custom', message: `expected ${expected}` });
        return z.NEVER;
      }
      return value;
    });
}

const wholeNumber = (min: number) => (raw: string) =>
  /^\d+$/.test(raw) && Number(raw) >= min ? Number(raw) : undefined;

/** `1` is on; unset, empty or `0` is off; anything else is a mistake worth naming. */
const flag = parsed('1 (on), or 0 or nothing (off)', (raw) =>
  raw === '1' ? true : raw === '0' ? false : undefined,
);

const variablesSchema = z.object({
  CONTENT_DIR: text,
  DEPLOY_DIR: text,
  ARCHIVE_DIR: text,
  AUDIT_LOG: text,
  ASTRO_CACHE_DIR: text,
  KEEP_RELEASES: parsed('a whole number of at least 1', wholeNumber(1)),
  PURGE_HOOK: text,
  SEARCH_SHARD_SIZE: parsed('a whole number of at least 1', wholeNumber(1)),
  LIVE_SITE_URL: parsed('an address like https://appeals.example.org/ or http://127.0.0.1:4321/', (raw) => {
    try {
      const url = new URL(raw);
      return /^https?:$/.test(url.protocol) && !url.search && !url.hash ? url.href : undefined;
    } catch {
      return undefined;
    }
  }),
  BUILD_DATE: parsed('a date like 2026-05-01', (raw) => parseCalendarDate(raw) ?? undefined),
  NO_TAKEDOWN: flag,
  NO_EARLY_RELEASE: flag,
  SITE_PREVIEW: flag,
  APPEALS_SUBSET_BUILD: flag,
  APPEALS_BUILD_PARENT: text,
  STUDIO_PROJECT_ROOT: text,
  STUDIO_DATA_DIR: text,
  STUDIO_ORIGIN: parsed('an origin like https://studio.example.org (no path)', (raw) =>
    /^https?:\/\/[^/\s]+$/.test(raw) ? raw : undefined,
  ),
  STUDIO_LOCKOUT_MINUTES: parsed('a whole number of minutes', wholeNumber(1)),
  STUDIO_TRUST_PROXY: flag,
  STUDIO_PORT: text,
  STUDIO_BUILD_DIR: text,
  ALERTS_PORT: text,
  ALERTS_DATA_DIR: text,
  ALERTS_SMTP_URL: parsed(
    'an address like smtp://relay.example.org:587 or smtps://user:password@relay.example.org',
    (raw) => (/^smtps?:\/\/[^\s/]+\/?$/.test(raw) ? raw : undefined),
  ),
  ALERTS_FROM: parsed('an email address like alerts@example.org', (raw) =>
    /^[^\s@<>]+@[^\s@<>]+$/.test(raw) ? raw : undefined,
  ),
  ALERTS_DKIM_DOMAIN: text,
  ALERTS_DKIM_SELECTOR: text,
  ALERTS_DKIM_KEY_FILE: text,
  ALERTS_SEND_PER_SECOND: parsed('a whole number of at least 1', wholeNumber(1)),
  ALERTS_TRUST_PROXY: flag,
  ALERTS_VAPID_PUBLIC_KEY: text,
  ALERTS_VAPID_PRIVATE_KEY: text,
  ALERTS_VAPID_SUBJECT: text,
  ALERTS_PUSH_HOSTS: parsed(
    'host names separated by commas, like fcm.googleapis.com,push.apple.com',
    (raw) => {
      const hosts = raw.split(',').map((h) => h.trim().toLowerCase());
      return hosts.every((h) => /^[a-z0-9.-]+$/.test(h)) ? hosts : undefined;
    },
  ),
});

/** The variables this module reads. */
const OPERATOR_VARIABLES = Object.keys(variablesSchema.shape) as Array<keyof typeof variablesSchema.shape>;

/** The operator's configuration from `env` (the process's own environment unless given). */
export function readOperatorEnv(env: EnvironmentVariables = process.env): OperatorEnv {
  const picked = Object.fromEntries(OPERATOR_VARIABLES.map((name) => [name, env[name]]));
  const result = variablesSchema.safeParse(picked);
  if (!result.success)
    throw new OperatorEnvError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}: ${issue.message}, got ${JSON.stringify(env[name])}`;
      }),
    );
  const v = result.data;
  return {
    contentDir: v.CONTENT_DIR,
    deployDir: v.DEPLOY_DIR,
    archiveDir: v.ARCHIVE_DIR,
    auditLog: v.AUDIT_LOG || undefined,
    astroCacheDir: v.ASTRO_CACHE_DIR,
    keepReleases: v.KEEP_RELEASES,
    purgeHook: v.PURGE_HOOK?.trim() ? v.PURGE_HOOK : undefined,
    searchShardSize: v.SEARCH_SHARD_SIZE,
    liveSiteUrl: v.LIVE_SITE_URL,
    buildDate: v.BUILD_DATE,
    takedown: v.NO_TAKEDOWN !== true,
    earlyRelease: v.NO_EARLY_RELEASE !== true,
    sitePreview: v.SITE_PREVIEW === true,
    subsetBuild: v.APPEALS_SUBSET_BUILD === true,
    buildParent: v.APPEALS_BUILD_PARENT || undefined,
    studio: {
      projectRoot: v.STUDIO_PROJECT_ROOT,
      dataDir: v.STUDIO_DATA_DIR,
      origin: v.STUDIO_ORIGIN,
      lockoutMinutes: v.STUDIO_LOCKOUT_MINUTES,
      trustProxy: v.STUDIO_TRUST_PROXY === true,
      port: v.STUDIO_PORT,
      buildDir: v.STUDIO_BUILD_DIR,
    },
    alerts: {
      port: v.ALERTS_PORT,
      dataDir: v.ALERTS_DATA_DIR,
      smtpUrl: v.ALERTS_SMTP_URL,
      from: v.ALERTS_FROM,
      dkimDomain: v.ALERTS_DKIM_DOMAIN || undefined,
      dkimSelector: v.ALERTS_DKIM_SELECTOR || undefined,
      dkimKeyFile: v.ALERTS_DKIM_KEY_FILE || undefined,
      sendPerSecond: v.ALERTS_SEND_PER_SECOND,
      trustProxy: v.ALERTS_TRUST_PROXY === true,
      vapidPublicKey: v.ALERTS_VAPID_PUBLIC_KEY || undefined,
      vapidPrivateKey: v.ALERTS_VAPID_PRIVATE_KEY || undefined,
      vapidSubject: v.ALERTS_VAPID_SUBJECT || undefined,
      pushHosts: v.ALERTS_PUSH_HOSTS,
    },
  };
}
