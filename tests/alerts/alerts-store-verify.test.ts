// Verification covers the alerts store (issue 21, point 4): after a closure, no name, other name,
// description text or photo file name of the child in any row of alerts.db, any file of the alerts
// data folder, or the service's log; `npm run verify` and the closure itself check it.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { ALERTS_DB_FILE, openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { closedAppealDetails, verifyAlertsStore } from '../../src/lib/alerts/verify-alerts-store.ts';
import { subscribe } from '../helpers/alerts.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { FIXTURES } from '../helpers/fixture-content.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('alerts-store-verify');
const ID = '2026-0101';

/** An alerts data folder that sent and cancelled alerts for the appeal, and an archive holding it. */
function closedScenario(): { root: string; dataDir: string; archiveDir: string } {
  const root = tempDir();
  const dataDir = path.join(root, 'alerts-data');
  const archiveDir = path.join(root, 'archive');
  cpSync(path.join(FIXTURES, 'basic', 'appeals', ID), path.join(archiveDir, ID), { recursive: true });
  subscribe(dataDir, 'reader@example.net', ['north-west']);
  subscribe(dataDir, 'other@example.net', ['all']);
  const store = openAlertsStore(dataDir);
  expect(store.enqueueAlert(ID, ['north-west'], Date.now())).toBe(2);
  const [first] = store.claimDue('test', Date.now(), 1);
  store.markSent(first!.id, Date.now());
  expect(store.cancelQueuedAlerts(ID)).toBe(1);
  store.close();
  return { root, dataDir, archiveDir };
}

function run(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(PROJECT_ROOT, script), ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) =>
        resolve({
          status: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: `${stdout}${stderr}`,
        }),
    );
  });
}

describe('verifying the alerts store', () => {
  it('reads what identifies a closed child from the archive', () => {
    const { archiveDir } = closedScenario();
    const [details] = closedAppealDetails(archiveDir);
    expect(details).toMatchObject({ id: ID, name: 'Zephyrine Quillfeather', knownAs: ['Zeph'] });
    expect(details!.texts).toContain('Small scar above her left eyebrow');
    expect(details!.texts).toContain('Outside the library on Park Road');
    expect(details!.texts).toContain('She has links to Marlbridge and may use public transport.');
    expect(details!.photoFiles).toContain('photo-1.jpg');
  });

  it('finds nothing after a closure, and finds a name planted in a row, a file or the log', () => {
    const { root, dataDir, archiveDir } = closedScenario();
    const closed = closedAppealDetails(archiveDir);
    // What the store keeps about an alert: the appeal id, the subscriber and the status. No message.
    expect(verifyAlertsStore(dataDir, closed)).toEqual([]);

    const db = new DatabaseSync(path.join(dataDir, ALERTS_DB_FILE));
    db.prepare(`UPDATE outbox SET idempotency_key = ? WHERE id = 1`).run('alert for ZEPHYRINE  Quillfeather');
    db.close();
    expect(verifyAlertsStore(dataDir, closed)).toEqual([
      {
        where: 'the alerts database, table outbox, row 1',
        problem: `holds "zephyrine quillfeather", from closed appeal ${ID}`,
      },
    ]);
    const db2 = new DatabaseSync(path.join(dataDir, ALERTS_DB_FILE));
    db2.prepare(`UPDATE outbox SET idempotency_key = 'alert:1' WHERE id = 1`).run();
    db2.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    db2.close();
    expect(verifyAlertsStore(dataDir, closed)).toEqual([]);

    // A rendered message kept on disk: a description text (folded: case and spacing aside).
    mkdirSync(path.join(dataDir, 'rendered'));
    writeFileSync(path.join(dataDir, 'rendered', 'message.txt'), 'Seen: small  SCAR above her left eyebrow.');
    expect(verifyAlertsStore(dataDir, closed)).toEqual([
      {
        where: `the file ${path.join('rendered', 'message.txt')} in the alerts data folder`,
        problem: `holds "small scar above her left eyebrow", from closed appeal ${ID}`,
      },
    ]);
    writeFileSync(path.join(dataDir, 'rendered', 'message.txt'), 'nothing here');
    // A file named after the child.
    writeFileSync(path.join(dataDir, 'zeph-quillfeather.json'), '{}');
    expect(verifyAlertsStore(dataDir, closed).map((f) => f.where)).toEqual([
      'the name of the file zeph-quillfeather.json in the alerts data folder',
    ]);
    // The service's log, with a photo's file name.
    const log = path.join(root, 'alerts.log');
    writeFileSync(log, 'alerts: could not load photo-1.jpg\n');
    const withLog = verifyAlertsStore(dataDir, closed, { logFiles: [log] });
    expect(withLog.at(-1)).toEqual({
      where: `the alerts service's log ${log}`,
      problem: `holds the photo file name "photo-1.jpg", from closed appeal ${ID}`,
    });
    // Everyday words of the description ("Slim", "Brown") are not looked for on their own.
    writeFileSync(log, 'alerts: slim brown navy\n');
    expect(verifyAlertsStore(dataDir, [], { logFiles: [log] })).toEqual([]);
    expect(verifyAlertsStore(dataDir, closed, { logFiles: [log] }).some((f) => f.where.includes('log'))).toBe(
      false,
    );
  });

  it('npm run verify checks the alerts data folder and the log it is given', async () => {
    const { root, dataDir } = closedScenario();
    const contentDir = path.join(root, 'content');
    mkdirSync(path.join(contentDir, 'appeals'), { recursive: true });
    cpSync(path.join(FIXTURES, 'basic', 'settings.yaml'), path.join(contentDir, 'settings.yaml'));
    const release = path.join(root, 'release');
    mkdirSync(release);
    const env = {
      CONTENT_DIR: contentDir,
      DEPLOY_DIR: path.join(root, 'deploy'),
      ARCHIVE_DIR: path.join(root, 'archive'),
      ALERTS_DATA_DIR: dataDir,
    };
    const clean = await run('scripts/verify.ts', [release], env);
    expect(clean.output).toContain(`Verified the alerts data in ${dataDir}: no closed appeal's data.`);
    expect(clean.status, clean.output).toBe(0);
    const log = path.join(root, 'alerts.log');
    writeFileSync(log, 'sent the alert about Zeph Quillfeather\n');
    const leaky = await run('scripts/verify.ts', [release, '--alerts-log', log], env);
    expect(leaky.status).toBe(1);
    expect(leaky.output).toContain(`Verification of the alerts data in ${dataDir} found 1 problem(s):`);
    expect(leaky.output).toContain(
      `the alerts service's log ${log}: holds "zeph quillfeather", from closed appeal ${ID}`,
    );
  });

  it('a closure (npm run appeal -- found) verifies the alerts store after cancelling', async () => {
    const root = tempDir();
    const contentDir = path.join(root, 'content');
    cpSync(path.join(FIXTURES, 'basic'), contentDir, { recursive: true });
    const dataDir = path.join(root, 'alerts-data');
    subscribe(dataDir, 'reader@example.net', ['north-west']);
    const store = openAlertsStore(dataDir);
    store.enqueueAlert(ID, ['north-west'], Date.now());
    store.close();
    // Something that kept a rendered alert beside the store.
    writeFileSync(path.join(dataDir, 'kept-alert.txt'), 'Urgent: Zephyrine Quillfeather, 14');
    const env = {
      CONTENT_DIR: contentDir,
      DEPLOY_DIR: path.join(root, 'deploy'),
      ARCHIVE_DIR: path.join(root, 'archive'),
      ALERTS_DATA_DIR: dataDir,
      STUDIO_DATA_DIR: path.join(root, 'studio-data'),
      AUDIT_LOG: path.join(root, 'audit.log'),
    };
    const closed = await run('scripts/appeal.ts', ['found', ID, '--by', 'Tester', '--no-publish'], env);
    expect(closed.output).toContain(`Cancelled 1 queued alert for ${ID}.`);
    expect(closed.output).toContain(`The alerts data in ${dataDir} still holds details of appeal ${ID}.`);
    expect(closed.output).toContain(
      `the file kept-alert.txt in the alerts data folder: holds "zephyrine quillfeather", from closed appeal ${ID}`,
    );
    expect(closed.status).toBe(1);
  });
});
