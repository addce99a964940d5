/**
 * Writes the nginx configuration for the site into a folder (never into the published site):
 *
 *   appeals-map.conf     include at http level
 *   appeals-server.conf  include in the server block, after `root <release symlink>;`
 *   nginx.conf           a complete standalone configuration using both, for local use and tests
 *
 * Usage: node scripts/nginx-config.ts --out <dir> [--root <deploy current path>] [--port N] [--user NAME] [--alerts-port N]
 *
 * The generated files hold no release data: closed appeals are marked inside each release
 * (`_gone/<id>`), so the configuration changes only when this project's code does.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings } from '../src/lib/content/load-settings.ts';
import { contentDirectory } from '../src/lib/content/content-location.ts';
import { writeNginxConfig } from './lib/nginx-config-files.ts';
import { operatorEnvOrExit } from './lib/operator-env.ts';

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      root: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '8080' },
      user: { type: 'string' },
      'alerts-port': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.out) {
    console.log(
      'Usage: node scripts/nginx-config.ts --out <dir> [--root <deploy current path>] [--port N] [--user NAME] [--alerts-port N]',
    );
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`--port: expected a port number from 1 to 65535, got ${JSON.stringify(values.port)}`);
    process.exitCode = 1;
    return;
  }
  const operator = operatorEnvOrExit();
  // Where `npm run alerts` listens: --alerts-port, else ALERTS_PORT, else its default.
  const alertsPort = Number(values['alerts-port'] ?? operator.alerts.port ?? 4323);
  if (!Number.isInteger(alertsPort) || alertsPort < 1 || alertsPort > 65535) {
    console.error(
      `--alerts-port: expected a port number from 1 to 65535, got ${JSON.stringify(values['alerts-port'] ?? operator.alerts.port)}`,
    );
    process.exitCode = 1;
    return;
  }
  // The embed's framing comes from the site settings; the rest of the configuration is fixed.
  const { settings } = loadSettings(contentDirectory(operator));
  const files = writeNginxConfig(values.out, {
    root: values.root,
    listen: port,
    foreground: true,
    ...(values.user ? { user: values.user } : {}),
    ...(settings ? { embedAllowedSites: settings.embed.allowedSites } : {}),
    alertsUpstream: `127.0.0.1:${alertsPort}`,
  });
  console.log(`Wrote ${files.mapConf}, ${files.serverConf} and ${files.mainConf}.`);
  console.log(`Run: nginx -p ${path.dirname(files.mainConf)} -c ${files.mainConf}`);
}

if (import.meta.main) main(process.argv.slice(2));
