/**
 * Writes the nginx configuration for the site into a folder (never into the published site):
 *
 *   appeals-map.conf     include at http level
 *   appeals-server.conf  include in the server block, after `root <release symlink>;`
 *   nginx.conf           a complete standalone configuration using both, for local use and tests
 *
 * Usage: node scripts/nginx-config.ts --out <dir> [--root <deploy current path>] [--port N] [--user NAME]
 *
 * The generated files hold no release data: closed appeals are marked inside each release
 * (`_gone/<id>`), so the configuration changes only when this project's code does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { nginxMainConf, nginxMapConf, nginxServerConf } from '../src/lib/hosting/host-config.ts';
import { loadSettings } from '../src/lib/content/load-settings.ts';
import { contentDirectory } from '../src/lib/content/content-location.ts';
import { operatorEnvOrExit } from './lib/operator-env.ts';

export interface WriteNginxConfigOptions {
  /** The published release (the deploy's `current` symlink) or a `dist` folder. */
  root: string;
  /** `host:port` or a port to listen on. */
  listen: string | number;
  pidFile?: string;
  errorLog?: string;
  tempDir?: string;
  user?: string;
  /** `daemon off;`, for running nginx in the foreground (tests, local use). */
  foreground?: boolean;
  /** Sites that may frame /embed/ (settings `embed.allowedSites`); any site when absent. */
  embedAllowedSites?: readonly string[];
}

export interface NginxConfigFiles {
  mapConf: string;
  serverConf: string;
  mainConf: string;
}

/** Writes the two includes and a standalone nginx.conf into `outDir`; returns their paths. */
export function writeNginxConfig(outDir: string, options: WriteNginxConfigOptions): NginxConfigFiles {
  const dir = path.resolve(outDir);
  const tempDir = path.resolve(options.tempDir ?? path.join(dir, 'temp'));
  mkdirSync(dir, { recursive: true });
  mkdirSync(tempDir, { recursive: true });
  const listen = typeof options.listen === 'number' ? `127.0.0.1:${options.listen}` : options.listen;
  const files: NginxConfigFiles = {
    mapConf: path.join(dir, 'appeals-map.conf'),
    serverConf: path.join(dir, 'appeals-server.conf'),
    mainConf: path.join(dir, 'nginx.conf'),
  };
  writeFileSync(files.mapConf, nginxMapConf());
  writeFileSync(files.serverConf, nginxServerConf({ embedAllowedSites: options.embedAllowedSites ?? ['*'] }));
  writeFileSync(
    files.mainConf,
    nginxMainConf({
      root: path.resolve(options.root),
      listen,
      includeDir: dir,
      pidFile: path.resolve(options.pidFile ?? path.join(dir, 'nginx.pid')),
      errorLog: path.resolve(options.errorLog ?? path.join(dir, 'error.log')),
      tempDir,
      ...(options.user ? { user: options.user } : {}),
      ...(options.foreground ? { foreground: true } : {}),
    }),
  );
  return files;
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      root: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '8080' },
      user: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.out) {
    console.log(
      'Usage: node scripts/nginx-config.ts --out <dir> [--root <deploy current path>] [--port N] [--user NAME]',
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
  // The embed's framing comes from the site settings; the rest of the configuration is fixed.
  const { settings } = loadSettings(contentDirectory(operatorEnvOrExit()));
  const files = writeNginxConfig(values.out, {
    root: values.root,
    listen: port,
    foreground: true,
    ...(values.user ? { user: values.user } : {}),
    ...(settings ? { embedAllowedSites: settings.embed.allowedSites } : {}),
  });
  console.log(`Wrote ${files.mapConf}, ${files.serverConf} and ${files.mainConf}.`);
  console.log(`Run: nginx -p ${path.dirname(files.mainConf)} -c ${files.mainConf}`);
}

if (import.meta.main) main(process.argv.slice(2));
