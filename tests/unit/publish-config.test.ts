// Publishing configuration (src/lib/publishing/publish-config.ts): commands only from the operator's
// environment, folders only where nothing publishes or edits them, each refusal naming its setting.
import path from 'node:path';
import { expect, it } from 'vitest';
import { publishConfig, publishConfigProblems } from '../../src/lib/publishing/publish-config.ts';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';
import { settingsSchema } from '../../src/lib/model/settings-schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONTENT = path.join(ROOT, 'content');
const NONE = readOperatorEnv({});
const settings = (publish: Record<string, unknown>) =>
  settingsSchema.parse({
    organisation: { name: 'Test', email: 'a@example.org' },
    phones: { emergency: '999', police: '101', helpline: '116 000', helplineName: 'Missing People' },
    regions: [{ id: 'london', name: 'London' }],
    baseUrl: 'https://appeals.example.org',
    publish,
  });

it('takes the purge hook from PURGE_HOOK only; settings cannot hold one', () => {
  expect(
    publishConfig(settings({}), readOperatorEnv({ PURGE_HOOK: 'cdn-purge' }), ROOT, CONTENT).purgeHook,
  ).toBe('cdn-purge');
  expect(publishConfig(settings({}), NONE, ROOT, CONTENT).purgeHook).toBeUndefined();
  expect(settingsSchema.safeParse({ ...settings({}), publish: { purgeHook: 'rm -rf /' } }).success).toBe(
    false,
  );
});

it('names the setting a refused folder comes from, and accepts the defaults', () => {
  const content = path.join(ROOT, 'content');
  expect(publishConfigProblems(settings({}), NONE, ROOT, content)).toEqual([]);
  expect(publishConfigProblems(settings({ archiveDir: 'public/old' }), NONE, ROOT, content)).toEqual([
    {
      file: 'publishing folders',
      message: `publish.archiveDir in settings: expected the private archive of closed appeals outside the public folder (${path.join(ROOT, 'public')}), whose every file is copied into the published site; got ${path.join(ROOT, 'public/old')}. Choose a folder of its own.`,
    },
  ]);
  // Content at the project root would hold both default folders.
  expect(publishConfigProblems(settings({}), NONE, ROOT, ROOT).map((p) => p.message.split(':')[0])).toEqual([
    'ARCHIVE_DIR (unset, so "archive")',
    'DEPLOY_DIR (unset, so "deploy")',
  ]);
});
