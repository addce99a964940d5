// The operator's configuration (src/lib/config/operator-env.ts): every environment variable read in
// one place, each bad value refused with the variable, what was expected and what was found.
import { describe, expect, it } from 'vitest';
import { OperatorEnvError, readOperatorEnv } from '../../src/lib/config/operator-env.ts';

function problems(env: Record<string, string>): string[] {
  try {
    readOperatorEnv(env);
  } catch (error) {
    if (error instanceof OperatorEnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('the operator configuration', () => {
  it('has nothing set, takedown and early release on, when the environment is empty', () => {
    const operator = readOperatorEnv({});
    expect(operator).toMatchObject({
      contentDir: undefined,
      keepReleases: undefined,
      searchShardSize: undefined,
      buildDate: undefined,
      purgeHook: undefined,
      takedown: true,
      earlyRelease: true,
      sitePreview: false,
      subsetBuild: false,
      studio: { trustProxy: false, lockoutMinutes: undefined, origin: undefined },
    });
  });

  it('hands down typed values', () => {
    const operator = readOperatorEnv({
      CONTENT_DIR: 'fixtures/content',
      KEEP_RELEASES: '5',
      SEARCH_SHARD_SIZE: ' 1 ',
      BUILD_DATE: '2026-11-29',
      NO_TAKEDOWN: '1',
      NO_EARLY_RELEASE: '1',
      SITE_PREVIEW: '1',
      APPEALS_SUBSET_BUILD: '1',
      AUDIT_LOG: '/var/log/audit.jsonl',
      PURGE_HOOK: 'cdn-purge',
      STUDIO_ORIGIN: 'https://studio.example.org',
      STUDIO_LOCKOUT_MINUTES: '30',
      STUDIO_TRUST_PROXY: '1',
    });
    expect(operator).toMatchObject({
      contentDir: 'fixtures/content',
      keepReleases: 5,
      searchShardSize: 1,
      buildDate: { year: 2026, month: 11, day: 29 },
      takedown: false,
      earlyRelease: false,
      sitePreview: true,
      subsetBuild: true,
      auditLog: '/var/log/audit.jsonl',
      purgeHook: 'cdn-purge',
      studio: { origin: 'https://studio.example.org', lockoutMinutes: 30, trustProxy: true },
    });
  });

  it('counts an empty number, date or flag as unset, and a blank purge hook as none', () => {
    expect(
      readOperatorEnv({
        KEEP_RELEASES: '',
        SEARCH_SHARD_SIZE: '',
        BUILD_DATE: '',
        NO_TAKEDOWN: '',
        PURGE_HOOK: ' ',
      }),
    ).toMatchObject({
      keepReleases: undefined,
      searchShardSize: undefined,
      buildDate: undefined,
      takedown: true,
      purgeHook: undefined,
    });
    expect(readOperatorEnv({ NO_TAKEDOWN: '0' }).takedown).toBe(true);
  });

  it('names the variable, what was expected and what was found, for each bad value', () => {
    expect(problems({ SEARCH_SHARD_SIZE: 'abc' })).toEqual([
      'SEARCH_SHARD_SIZE: expected a whole number of at least 1, got "abc"',
    ]);
    expect(problems({ SEARCH_SHARD_SIZE: '0' })).toEqual([
      'SEARCH_SHARD_SIZE: expected a whole number of at least 1, got "0"',
    ]);
    expect(problems({ KEEP_RELEASES: '2.5' })).toEqual([
      'KEEP_RELEASES: expected a whole number of at least 1, got "2.5"',
    ]);
    expect(problems({ KEEP_RELEASES: '-1' })).toEqual([
      'KEEP_RELEASES: expected a whole number of at least 1, got "-1"',
    ]);
    expect(problems({ BUILD_DATE: '2026-02-30' })).toEqual([
      'BUILD_DATE: expected a date like 2026-05-01, got "2026-02-30"',
    ]);
    expect(problems({ NO_TAKEDOWN: 'yes' })).toEqual([
      'NO_TAKEDOWN: expected 1 (on), or 0 or nothing (off), got "yes"',
    ]);
    expect(problems({ STUDIO_ORIGIN: 'https://studio.example.org/path' })).toEqual([
      'STUDIO_ORIGIN: expected an origin like https://studio.example.org (no path), got "https://studio.example.org/path"',
    ]);
    expect(problems({ STUDIO_LOCKOUT_MINUTES: 'ten' })).toEqual([
      'STUDIO_LOCKOUT_MINUTES: expected a whole number of minutes, got "ten"',
    ]);
  });

  it('reports every bad value at once, in one error', () => {
    expect(() => readOperatorEnv({ KEEP_RELEASES: 'x', SEARCH_SHARD_SIZE: 'y' })).toThrow(
      'KEEP_RELEASES: expected a whole number of at least 1, got "x"\nSEARCH_SHARD_SIZE: expected a whole number of at least 1, got "y"',
    );
  });

  it('ignores variables it does not own', () => {
    expect(() => readOperatorEnv({ PATH: '/usr/bin', KEEP_RELEASE: 'typo' })).not.toThrow();
  });
});
