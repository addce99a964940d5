// Writes the nginx configuration files (src/lib/hosting/host-config.ts renders them): for `npm run nginx-config`
// and for the nginx that tests and benchmarks start (nginx-server.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nginxMainConf, nginxMapConf, nginxServerConf } from '../../src/lib/hosting/host-config.ts';

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
  /** The alerts service's `127.0.0.1:<port>` (default 127.0.0.1:4323). */
  alertsUpstream?: string;
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
  writeFileSync(
    files.serverConf,
    nginxServerConf({
      embedAllowedSites: options.embedAllowedSites ?? ['*'],
      ...(options.alertsUpstream ? { alertsUpstream: options.alertsUpstream } : {}),
    }),
  );
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
