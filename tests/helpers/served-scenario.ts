// The workspace, nginx and HTTP client of one publishing scenario, torn down after each test, so a
// failing test never leaves nginx running or a workspace behind.
import { afterAll, afterEach } from 'vitest';
import { startNginx, type RunningNginx } from './nginx.ts';
import {
  createWorkspace,
  HttpClient,
  removeWorkspace,
  sharedImageCache,
  type Workspace,
} from './publishing.ts';

export interface ServedScenarios {
  /**
   * A fresh fixture workspace whose image cache starts warm from earlier scenarios of the file;
   * `published: true` starts it with the fixture live (see `createWorkspace`).
   */
  workspace(
    label: string,
    options?: { env?: Record<string, string>; published?: boolean },
  ): Promise<Workspace>;
  /** Starts nginx serving the workspace's `current` release. */
  serve(ws: Workspace, options?: { maxSockets?: number }): Promise<HttpClient>;
}

/** Call at the top of a test file; `beforeTeardown` runs first after each test (to free a waiting CLI, say). */
export function servedScenarios(label: string, beforeTeardown?: () => void | Promise<void>): ServedScenarios {
  const cache = sharedImageCache(label);
  afterAll(() => cache.remove());
  let workspace: Workspace | undefined;
  let nginx: RunningNginx | undefined;
  let client: HttpClient | undefined;
  afterEach(async () => {
    await beforeTeardown?.();
    client?.close();
    await nginx?.stop();
    removeWorkspace(workspace, cache);
    client = undefined;
    nginx = undefined;
    workspace = undefined;
  });
  return {
    async workspace(name, options = {}) {
      workspace = await createWorkspace(name, { warmCache: cache, ...options });
      return workspace;
    },
    async serve(ws, options = {}) {
      nginx = await startNginx({ root: ws.currentLink });
      client = new HttpClient(nginx.url, { maxSockets: options.maxSockets ?? 4 });
      return client;
    },
  };
}
