// `npm run republish -- --alert` (issue 21, point 3): after a publish, each urgent appeal it put
// live is offered for an alert (how many subscribers, and the command), and with --alert its alert is
// queued as `npm run alerts -- send <id> --alert` queues it, only once the page answers on the
// live site (real nginx serving the deploy folder's `current`).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openAlertsStore } from '../../src/lib/alerts/alerts-store.ts';
import { subscribe } from '../helpers/alerts.ts';
import { describeNginx, type RunningNginx, startNginx } from '../helpers/nginx.ts';
import {
  appealFile,
  createWorkspace,
  describeRun,
  removeWorkspace,
  runCli,
  type Workspace,
} from '../helpers/publishing.ts';

const URGENT = '2026-0101';
let ws: Workspace | undefined;
let nginx: RunningNginx | undefined;
afterAll(async () => {
  await nginx?.stop();
  removeWorkspace(ws);
});

describeNginx('republish --alert', () => {
  it('offers the urgent appeal it published, and with --alert queues its alert once live', async () => {
    ws = await createWorkspace('republish-alert');
    const dataDir = path.join(ws.root, 'alerts-data');
    subscribe(dataDir, 'north@example.net', ['north-west']);
    subscribe(dataDir, 'anywhere@example.net', ['all']);
    subscribe(dataDir, 'south@example.net', ['london']);
    // nginx serves `current` as soon as the first publish makes it.
    nginx = await startNginx({ root: ws.currentLink });
    const env = { ...ws.env, ALERTS_DATA_DIR: dataDir, LIVE_SITE_URL: `${nginx.url}/` };

    const first = await runCli('republish', [], env);
    expect(first.code, describeRun(first)).toBe(0);
    expect(first.stdout).toContain(
      `Appeal ${URGENT} is urgent: an alert would go to 2 subscribers in North West. To send it: npm run alerts -- send ${URGENT} --alert`,
    );
    // Only the urgent one of the three appeals it published; nothing queued without --alert.
    expect(first.stdout.match(/is urgent: an alert would go to/g)).toHaveLength(1);
    const store = openAlertsStore(dataDir);
    expect(store.alertCounts(URGENT)).toEqual({});

    // An edit of the urgent appeal, published with --alert: queued for the region and all of the UK.
    const file = appealFile(ws, URGENT);
    writeFileSync(file, readFileSync(file, 'utf8').replace('build: Slim', 'build: Slight'));
    const second = await runCli('republish', ['--alert'], env);
    expect(second.code, describeRun(second)).toBe(0);
    expect(second.stdout).toContain(
      `Queued the alert for appeal ${URGENT}: 2 emails to 2 subscribers in North West (any already sent are not sent again). The running alerts service sends them.`,
    );
    expect(second.stdout.indexOf('Published release')).toBeLessThan(
      second.stdout.indexOf('Queued the alert'),
    );
    expect(store.alertCounts(URGENT)).toEqual({ queued: 2 });

    // Nothing new to publish: nothing to alert about, and the command says so.
    const third = await runCli('republish', ['--alert'], env);
    expect(third.code, describeRun(third)).toBe(0);
    expect(third.stdout).toContain('This publish put no urgent appeal live: no alert was sent.');
    expect(store.alertCounts(URGENT)).toEqual({ queued: 2 });
    store.close();

    const refused = await runCli('republish', ['--alert', '--watch'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--alert goes with a single republish');
  });
});
