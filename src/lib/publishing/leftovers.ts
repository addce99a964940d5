import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { releasesDir } from './releases.ts';

/**
 * Clears what a killed republish can leave behind in the deploy folder: build folders
 * (`.staging-*`, each holding copies of children's photos), half-made symlinks (`.current-*`) and
 * release folders without their manifest. Run under the publish lock, before and after a republish.
 */
export function clearLeftovers(deployDir: string): void {
  for (const name of readdirSync(deployDir)) {
    if (name.startsWith('.staging-') || name.startsWith('.current-'))
      rmSync(path.join(deployDir, name), { recursive: true, force: true });
  }
  const releases = releasesDir(deployDir);
  if (existsSync(releases)) {
    for (const e of readdirSync(releases, { withFileTypes: true })) {
      // A release folder without its manifest was never completed.
      if (e.isDirectory() && !existsSync(path.join(releases, `${e.name}.json`)))
        rmSync(path.join(releases, e.name), { recursive: true, force: true });
    }
  }
}
