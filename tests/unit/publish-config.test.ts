// Publishing configuration (src/lib/publishing/publish-config.ts): commands only from the operator's
// environment, folders only where nothing publishes or edits them, each refusal naming its setting.
import path from 'node:path';
import { expect, it } from 'vitest';
import {
  publishConfig,
  publishConfigProblems,
  stopgapSwitches,
} from '../../src/lib/publishing/publish-config.ts';
import { settingsSchema } from '../../src/lib/model/settings-schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const settings = (publish: Record<string, unknown>) =>
  settingsSchema.parse({
    organisation: { name: 'Test', email: 'a@example.org' },
    phones: { emergency: '999', police: '101', helpline: '116 000', helplineName: 'Missing People' },
    regions: [{ id: 'london', name: 'London' }],
    baseUrl: 'https://appeals.example.org',
    publish,
  });

it('takes the purge hook from PURGE_HOOK only; settings cannot hold one', () => {
  expect(publishConfig(settings({}), { PURGE_HOOK: 'cdn-purge' }, ROOT).purgeHook).toBe('cdn-purge');
  expect(publishConfig(settings({}), {}, ROOT).purgeHook).toBeUndefined();
  expect(settingsSchema.safeParse({ ...settings({}), publish: { purgeHook: 'rm -rf /' } }).success).toBe(
    false,
  );
});

it('names the setting a refused folder comes from, and accepts the defaults', () => {
  const content = path.join(ROOT, 'content');
  expect(publishConfigProblems(settings({}), {}, ROOT, content)).toEqual([]);
  expect(publishConfigProblems(settings({ archiveDir: 'public/old' }), {}, ROOT, content)).toEqual([
    {
      file: 'publishing folders',
      message: `publish.archiveDir in settings: expected the private archive of closed appeals outside the public folder (${path.join(ROOT, 'public')}), whose every file is copied into the published site; got ${path.join(ROOT, 'public/old')}. Choose a folder of its own.`,
    },
  ]);
  // Content at the project root would hold both default folders.
  expect(publishConfigProblems(settings({}), {}, ROOT, ROOT).map((p) => p.message.split(':')[0])).toEqual([
    'ARCHIVE_DIR (unset, so "archive")',
    'DEPLOY_DIR (unset, so "deploy")',
  ]);
});

it('turns the stopgap releases off with NO_TAKEDOWN=1 and NO_EARLY_RELEASE=1 only', () => {
  expect(stopgapSwitches({})).toEqual({ takedown: true, earlyRelease: true });
  expect(stopgapSwitches({ NO_TAKEDOWN: '1' })).toEqual({ takedown: false, earlyRelease: true });
  expect(stopgapSwitches({ NO_EARLY_RELEASE: '1', NO_TAKEDOWN: '0' })).toEqual({
    takedown: true,
    earlyRelease: false,
  });
});
