// A closure recalls what it can (issue 21): `npm run appeal -- found` and `withdraw` cancel every
// alert still queued for the appeal, before anything is published, and leave other appeals' alone.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { WORDING_VERSION } from '../../src/lib/alerts/subscription-form.ts';
import { confirmSubscription, requestSubscription } from '../../src/lib/alerts/subscriptions.ts';
import { loadSecret } from '../../src/lib/alerts/tokens.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { materialiseFixture } from '../helpers/fixture-content.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('alerts-found');

function appealCommand(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(PROJECT_ROOT, 'scripts/appeal.ts'), ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: `${stdout}${stderr}`,
        }),
    );
  });
}

describe('closing an appeal', () => {
  it('cancels its queued alerts, and only its own', async () => {
    const root = tempDir();
    const contentDir = await materialiseFixture('basic', root);
    const dataDir = path.join(root, 'alerts-data');
    const store = openAlertsStore(dataDir);
    const secret = loadSecret(dataDir);
    for (const email of ['one@example.net', 'two@example.net']) {
      requestSubscription(store, { email, regions: ['all'], wording: WORDING_VERSION }, Date.now());
      const [row] = store.claimDue('seed', Date.now(), 1);
      store.markSent(row!.id, Date.now());
      confirmSubscription(store, secret, row!.secret!, Date.now());
    }
    expect(store.enqueueAlert('2026-0101', ['north-west'], Date.now())).toBe(2);
    expect(store.enqueueAlert('2026-0102', ['london'], Date.now())).toBe(2);
    const found = await appealCommand(['found', '2026-0101', '--by', 'Tester', '--no-publish'], {
      CONTENT_DIR: contentDir,
      DEPLOY_DIR: path.join(root, 'deploy'),
      ARCHIVE_DIR: path.join(root, 'archive'),
      STUDIO_DATA_DIR: path.join(root, 'studio-data'),
      ALERTS_DATA_DIR: dataDir,
      BUILD_DATE: '2026-11-01',
    });
    expect(found.code, found.output).toBe(0);
    expect(found.output).toContain('Cancelled 2 queued alerts for 2026-0101.');
    expect(store.alertCounts('2026-0101')).toEqual({ cancelled: 2 });
    expect(store.alertCounts('2026-0102')).toEqual({ queued: 2 });
    store.close();
  });
});
