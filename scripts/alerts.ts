// `npm run alerts`: the alerts service (subscribe, confirm, unsubscribe, and the sender), on
// 127.0.0.1 behind the site's proxy. Thin wrapper over src/lib/alerts.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AlertsConfigError, alertsConfig } from '../src/lib/alerts/alerts-config.ts';
import { operatorEnvOrExit } from './lib/operator-env.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run alerts [-- --port 4323]

Starts the alerts service on http://127.0.0.1:<port>/alerts/ (ALERTS_PORT or --port; 0 picks a free
port). Put it behind the site's proxy at /alerts/ (npm run nginx-config does).
`;

// node:sqlite prints an "experimental" warning on Node 24; it is expected here.
function quietSqliteWarning(): void {
  const listeners = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'ExperimentalWarning' && /SQLite/i.test(warning.message)) return;
    for (const listener of listeners) listener(warning);
  });
}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } }, strict: true });
  const config = alertsConfig(operatorEnvOrExit(), PROJECT_ROOT, values.port);
  quietSqliteWarning();
  const { startAlertsService } = await import('../src/lib/alerts/alerts-service.ts');
  const service = await startAlertsService(config);
  console.log(`The alerts service is running at http://127.0.0.1:${service.port}/alerts/ (Ctrl+C stops it).`);
  console.log(`Data folder: ${config.dataDir}.`);
  if (!config.smtp) console.log('No ALERTS_SMTP_URL: emails wait in the outbox until a relay is configured.');
  const stop = () => void service.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  return serve(command === undefined ? [] : [command, ...rest]);
}

main().catch((error: unknown) => {
  if (error instanceof AlertsConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error((error as Error).message);
    process.exit(1);
  }
  throw error;
});
