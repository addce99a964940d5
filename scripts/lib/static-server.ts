import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { insideFolder } from '../../src/lib/files/inside-folder.ts';
import { closedNoticeFileFor, GONE_DIR } from '../../src/lib/hosting/host-config.ts';
import { liveAnswer } from '../../src/lib/hosting/live-answers.ts';

/** Content types for everything the built site may contain. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export interface StaticServerOptions {
  /** Extra headers sent with every response, e.g. a Content-Security-Policy. */
  headers?: Record<string, string>;
  /** The port on 127.0.0.1; any free port when absent or 0. */
  port?: number;
  /**
   * `root` is a deploy's `current` symlink, answered as the generated nginx configuration answers
   * it (src/lib/hosting/host-config.ts): the link is resolved at the start of each request (a new
   * publish is served at once, and one request reads one release), a closed appeal's URL (its
   * `_gone/<id>` marker is in the release) answers 410 with the neutral notice, and host files 404.
   */
  liveRelease?: boolean;
}

export interface StaticServer {
  /** Origin of the server, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

const NOINDEX = { 'X-Robots-Tag': 'noindex' };

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Maps a URL path to a file inside `root`, as a plain static host would: `/a/` → `a/index.html`,
 * `/a` → `a` if it is a file, else `a/index.html`. Returns undefined when nothing matches, and
 * 'forbidden' when the path escapes the root.
 */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined | 'forbidden'> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return 'forbidden';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'forbidden';
  // Reject any `..` segment outright rather than normalising it away.
  if (decoded.split('/').some((segment) => segment === '..')) return 'forbidden';
  const target = path.resolve(root, `.${decoded}`);
  if (!insideFolder(target, root)) return 'forbidden';
  const candidates = decoded.endsWith('/')
    ? [path.join(target, 'index.html')]
    : [target, path.join(target, 'index.html')];
  for (const candidate of candidates) {
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

/** Serves a built `dist` folder on 127.0.0.1 at an ephemeral port. */
export async function startStaticServer(
  root: string,
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const absoluteRoot = path.resolve(root);
  const extraHeaders = options.headers ?? {};

  function send(
    res: ServerResponse,
    status: number,
    body: Buffer | string,
    type: string,
    head: boolean,
    more: Record<string, string> = {},
  ): void {
    res.writeHead(status, {
      ...extraHeaders,
      ...more,
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(head ? undefined : body);
  }

  async function sendNotFound(release: string, res: ServerResponse, head: boolean): Promise<void> {
    const notFound = path.join(release, '404.html');
    const body = (await isFile(notFound)) ? await readFile(notFound) : 'Not found';
    send(res, 404, body, 'text/html; charset=utf-8', head, options.liveRelease ? NOINDEX : {});
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { ...extraHeaders, Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] || '/';
    let release = absoluteRoot;
    let more: Record<string, string> = {};
    if (options.liveRelease) {
      try {
        release = await realpath(absoluteRoot);
      } catch {
        send(res, 503, 'Nothing is published yet.\n', 'text/plain; charset=utf-8', head);
        return;
      }
      const answer = liveAnswer(rawPath);
      if (answer.kind === 'host-file') {
        await sendNotFound(release, res, head);
        return;
      }
      if (answer.kind === 'appeal' && (await isFile(path.join(release, GONE_DIR, answer.id)))) {
        // The notice in the URL's language: Welsh under /cy/.
        const notice = await readFile(path.join(release, `.${closedNoticeFileFor(rawPath)}`));
        send(res, 410, notice, 'text/html; charset=utf-8', head, NOINDEX);
        return;
      }
      if (answer.kind === 'noindex-page') more = NOINDEX;
    }
    const file = await resolveFile(release, rawPath);
    if (file === 'forbidden') {
      send(res, 403, 'Forbidden', 'text/plain; charset=utf-8', head);
      return;
    }
    if (file === undefined) {
      await sendNotFound(release, res, head);
      return;
    }
    send(res, 200, await readFile(file), contentTypeFor(file), head, more);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
