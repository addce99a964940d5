// The versions a benchmark ran with, written beside its figures.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../build-site.ts';

function versionOf(pkg: string): string {
  return (
    JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

function toolVersion(command: string, args: string[], pattern: RegExp): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return pattern.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`)?.[1] ?? 'not found';
}

/** Node's, the build's packages' and the tools' versions; `not found` for a tool that is missing. */
export function versions(): Record<string, string> {
  return {
    node: process.version.slice(1),
    astro: versionOf('astro'),
    pagefind: versionOf('pagefind'),
    sharp: versionOf('sharp'),
    chromium: toolVersion(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], /(\d+\.[\d.]+)/),
    nginx: toolVersion(process.env.NGINX_PATH ?? '/usr/sbin/nginx', ['-v'], /nginx\/([\d.]+)/),
  };
}
