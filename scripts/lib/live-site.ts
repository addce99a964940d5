// What `npm start` does: make sure there is a live release, then serve it (deploy/current) as the
// public would see it, through nginx where installed, else through a small Node server with the
// same answers. Both follow the `current` link on each request, so each publish is seen at once.
import { SECURITY_HEADERS } from '../../src/lib/hosting/security-headers.ts';
import { currentLink, currentRelease } from '../../src/lib/publishing/releases.ts';
import { nginxAvailable, nginxSkipReason, startNginx } from './nginx-server.ts';
import { printSummary, runRepublish } from './publish-cli.ts';
import type { PublishingContext } from './publishing-context.ts';
import { startStaticServer } from './static-server.ts';

export type LiveServerKind = 'nginx' | 'node';

export interface LiveSite {
  /** Origin, e.g. `http://127.0.0.1:4321` (no trailing slash). */
  url: string;
  server: LiveServerKind;
  stop(): Promise<void>;
}

/**
 * Publishes a first release from the content when the deploy folder has none, through the same
 * republish as `npm run republish`, so there is a live site to serve. Returns whether it published.
 */
export async function ensureLiveRelease(
  context: PublishingContext,
  log: (line: string) => void,
): Promise<boolean> {
  if (currentRelease(context.deployDir) !== undefined) return false;
  log(
    `Nothing is published in ${context.deployDir} yet: publishing the appeals in ${context.contentDir} first (a minute or two).`,
  );
  const startedAt = performance.now();
  printSummary(await runRepublish(context, { wait: true }), startedAt);
  return true;
}

/** The server `npm start` uses here: nginx when installed, else the Node server. */
export function liveServerKind(): { kind: LiveServerKind; why?: string } {
  return nginxAvailable ? { kind: 'nginx' } : { kind: 'node', why: nginxSkipReason };
}

/** Serves `<deployDir>/current` on 127.0.0.1 at `port` (0: any free port). */
export async function serveLiveSite(options: {
  deployDir: string;
  port: number;
  server: LiveServerKind;
  embedAllowedSites?: readonly string[];
}): Promise<LiveSite> {
  const root = currentLink(options.deployDir);
  if (options.server === 'nginx') {
    const nginx = await startNginx({
      root,
      ...(options.port === 0 ? {} : { port: options.port }),
      ...(options.embedAllowedSites ? { embedAllowedSites: options.embedAllowedSites } : {}),
    });
    return { url: nginx.url, server: 'nginx', stop: () => nginx.stop() };
  }
  const node = await startStaticServer(root, {
    port: options.port,
    liveRelease: true,
    headers: SECURITY_HEADERS,
  });
  return { url: node.url, server: 'node', stop: () => node.close() };
}
