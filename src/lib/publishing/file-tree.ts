import { linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ASSET_DIRS, GONE_DIR } from '../hosting/host-config.ts';

/**
 * A release's files: listing them, and hard-linking a release into a new candidate (the takedown
 * and the early release are made so). A linked file is replaced without changing the original by
 * `writeAtomically` (src/lib/files/atomic-write.ts), which renames a new file over the link.
 */

/** Every file under `root`, as paths relative to it ('/'-separated on POSIX). */
export function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out;
}

/** The top-level entries a stopgap (the takedown, the early release) regenerates rather than copies. */
export const REGENERATED = new Set<string>([ASSET_DIRS.search, '_headers', '_redirects', GONE_DIR]);

/** Links made between two yields to the event loop (about 10 ms of work). */
const LINKS_PER_TURN = 1000;

/**
 * Hard-links every file of `from` into `to` (created), except top-level entries in `skip` and
 * files `leaveOut` names, and returns the files linked. `listed`, the files of `from` as its
 * manifest lists them, spares walking its folders (tens of thousands at 10,000 appeals). The links
 * are made in short synchronous runs (a link is a few microseconds; one promise each would cost
 * more than the link), yielding between runs so that other work (Pagefind indexing in its own
 * process, fed through a pipe) goes on.
 */
export async function linkTree(
  from: string,
  to: string,
  skip: ReadonlySet<string> = new Set(),
  leaveOut: (file: string) => boolean = () => false,
  listed?: readonly string[],
): Promise<string[]> {
  if (listed) {
    const files = listed.filter((f) => !skip.has(f.split('/')[0]!) && !leaveOut(f));
    const made = new Set<string>();
    for (let i = 0; i < files.length; i++) {
      const target = path.join(to, files[i]!);
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      linkSync(path.join(from, files[i]!), target);
      if (i % LINKS_PER_TURN === LINKS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    mkdirSync(to, { recursive: true });
    return files;
  }
  const files: string[] = [];
  const walk = (rel: string) => {
    mkdirSync(path.join(to, rel), { recursive: true });
    for (const entry of readdirSync(path.join(from, rel), { withFileTypes: true })) {
      if (rel === '' && skip.has(entry.name)) continue;
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) {
        if (!leaveOut(child)) files.push(child);
      } else
        throw new Error(
          `Takedown: unexpected ${entry.isSymbolicLink() ? 'symbolic link' : 'special file'} ${child} in the live release`,
        );
    }
  };
  walk('');
  for (let i = 0; i < files.length; i++) {
    linkSync(path.join(from, files[i]!), path.join(to, files[i]!));
    if (i % LINKS_PER_TURN === LINKS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  return files;
}
