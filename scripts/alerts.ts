// `npm run alerts`: the alerts service (subscribe, confirm, unsubscribe, and the sender), on
// 127.0.0.1 behind the site's proxy. Thin wrapper over src/lib/alerts.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AlertsConfigError, alertsConfig } from '../src/lib/alerts/alerts-config.ts';
import { isAppealId } from '../src/lib/model/appeal-id.ts';
import { operatorEnvOrExit } from './lib/operator-env.ts';
import { quietSqliteWarning } from './lib/quiet-sqlite-warning.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run alerts [-- --port 4323]
       npm run alerts -- send <id> [--alert]
       npm run alerts -- cancel <id>
       npm run alerts -- vapid-keys

Starts the alerts service on http://127.0.0.1:<port>/alerts/ (ALERTS_PORT or --port; 0 picks a free
port). Put it behind the site's proxy at /alerts/ (npm run nginx-config does).
send: once the urgent appeal's page is live, says how many subscribers its region has; with --alert,
queues one email to each (the running service sends them).
cancel: cancels every queued, unsent alert for the appeal, and replaces its web push notifications
with "This appeal is no longer active" (a closure does this too).
vapid-keys: makes a new pair of VAPID keys for web push, to put in ALERTS_VAPID_PUBLIC_KEY and
ALERTS_VAPID_PRIVATE_KEY (with ALERTS_VAPID_SUBJECT). New keys end every existing push subscription.
`;

class UsageError extends Error {}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } }, strict: true });
  const config = alertsConfig(operatorEnvOrExit(), PROJECT_ROOT, values.port);
  quietSqliteWarning();
  const { startAlertsService } = await import('../src/lib/alerts/alerts-service.ts');
  const service = await startAlertsService(config);
  console.log(`The alerts service is running at http://127.0.0.1:${service.port}/alerts/ (Ctrl+C stops it).`);
  console.log(`Data folder: ${config.dataDir}.`);
  if (!config.smtp) console.log('No ALERTS_SMTP_URL: emails wait in the outbox until a relay is configured.');
  if (!config.push) console.log('No ALERTS_VAPID_* keys: web push is off, and the site does not offer it.');
  const stop = () => void service.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function alertCommand(command: 'send' | 'cancel', argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { alert: { type: 'boolean', default: false } },
  });
  const id = positionals[0];
  if (!id || positionals.length > 1 || !isAppealId(id))
    throw new UsageError(`Give one appeal id, like 2026-0042: npm run alerts -- ${command} 2026-0042`);
  const config = alertsConfig(operatorEnvOrExit(), PROJECT_ROOT);
  quietSqliteWarning();
  const commands = await import('../src/lib/alerts/alert-commands.ts');
  if (command === 'cancel') {
    const { cancelled, recalls } = commands.recallAlerts(config.dataDir, id);
    console.log(
      `Cancelled ${cancelled} queued alert${cancelled === 1 ? '' : 's'} for appeal ${id}, and queued ${recalls} web push recall${recalls === 1 ? '' : 's'} ("no longer active") for the running service to send.`,
    );
    return;
  }
  try {
    const sent = await commands.sendAlert(config, id, values.alert);
    const people = `${sent.recipients} subscriber${sent.recipients === 1 ? '' : 's'} in ${sent.region}`;
    if (!values.alert)
      console.log(`An alert for appeal ${id} would go to ${people}. To send it, add --alert.`);
    else
      console.log(
        `Queued the alert for appeal ${id}: ${sent.queued} email${sent.queued === 1 ? '' : 's'} to ${people} (any already sent are not sent again). The running alerts service sends them.`,
      );
  } catch (error) {
    if (error instanceof commands.AlertRefused) throw new UsageError(error.message);
    throw error;
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  if (command === 'send' || command === 'cancel') return alertCommand(command, rest);
  if (command === 'vapid-keys') {
    if (rest.length > 0) throw new UsageError('vapid-keys takes nothing more: npm run alerts -- vapid-keys');
    const { newVapidKeys } = await import('../src/lib/alerts/push-sender.ts');
    const keys = newVapidKeys();
    console.log(`# Web push keys for the alerts service: keep the private key secret, like a password.
ALERTS_VAPID_PUBLIC_KEY=${keys.publicKey}
ALERTS_VAPID_PRIVATE_KEY=${keys.privateKey}
ALERTS_VAPID_SUBJECT=mailto:alerts@example.org`);
    return;
  }
  return serve(command === undefined ? [] : [command, ...rest]);
}

main().catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    error instanceof AlertsConfigError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error((error as Error).message);
    process.exit(1);
  }
  throw error;
});
