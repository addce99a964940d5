import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../hosting/security-headers.ts';
import { type Locale, localeOfPath, localePath, unlocalisedPath } from '../i18n/locales.ts';
import {
  type AlertsPage,
  badLinkPage,
  confirmedPage,
  confirmPage,
  problemPage,
  unsubscribedPage,
  unsubscribePage,
} from './alerts-pages.ts';
import type { AlertsStore } from './alerts-store.ts';
import { RateLimiter } from './rate-limit.ts';
import { readPushSubscription } from './push-subscription-form.ts';
import { formLocale, readSubscription } from './subscription-form.ts';
import { confirmSubscription, requestSubscription } from './subscriptions.ts';
import { tokenHash, wellFormedToken } from './tokens.ts';

/** The largest form body accepted: an address and every region fit many times over. */
export const MAX_BODY_BYTES = 8 * 1024;

/** Where the subscribe form's answer is: a static page of the site, the same for everyone. */
export const CHECK_EMAIL_PATH = '/alerts/check-your-email/';

export interface AlertsHandlerOptions {
  store: AlertsStore;
  secret: Buffer;
  /** The site's address: forms must come from its origin. */
  siteAddress: string;
  /** The settings' region ids as they are now. */
  regionIds: () => readonly string[];
  /** Take the client's address from the proxy's X-Real-IP. */
  trustProxy: boolean;
  /** Requests per client address and action in each window (tests lower them). */
  limits?: { perWindow: number; windowMs: number };
  /** Called after something is queued, to wake the sender. */
  onQueued?: () => void;
  /** Web push: the public VAPID key browsers subscribe with, and the push services allowed; absent when push is off. */
  push?: { publicKey: string; hosts: readonly string[] };
  now?: () => number;
}

/** A refusal for the push endpoints, which a script reads: JSON `{ problems }`. */
class JsonProblem extends Error {
  readonly status: number;
  readonly problems: string[];
  readonly headers: Record<string, string>;
  constructor(status: number, problems: string[], headers: Record<string, string> = {}) {
    super(String(status));
    this.status = status;
    this.problems = problems;
    this.headers = headers;
  }
}

class HttpProblem extends Error {
  readonly page: AlertsPage;
  readonly headers: Record<string, string>;
  constructor(page: AlertsPage, headers: Record<string, string> = {}) {
    super(String(page.status));
    this.page = page;
    this.headers = headers;
  }
}

type PageText = Parameters<typeof problemPage>[1];
const problem = (locale: Locale, status: number, title: PageText, ...lines: PageText[]) =>
  new HttpProblem(problemPage(status, title, lines, locale));

function send(res: ServerResponse, page: AlertsPage, headers: Record<string, string> = {}): void {
  res.writeHead(page.status, { 'Content-Type': 'text/html; charset=utf-8', ...headers }).end(page.html);
}

/** The form body, refused when too big, of the wrong type or not UTF-8. */
async function readForm(req: IncomingMessage, locale: Locale): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded')
    throw problem(locale, 415, 'wrongTypeTitle', 'fromBrowser');
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw problem(locale, 413, 'tooLargeTitle', 'fromBrowser');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw problem(locale, 413, 'tooLargeTitle', 'fromBrowser');
    chunks.push(chunk);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw problem(locale, 400, 'unreadableTitle', 'fromBrowser');
  }
  return new URLSearchParams(text);
}

/** A JSON body (the push endpoints), refused when too big, of the wrong type, or not JSON. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new JsonProblem(415, ['Send JSON (application/json).']);
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw new JsonProblem(413, ['This request is too large.']);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new JsonProblem(413, ['This request is too large.']);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))) as unknown;
  } catch {
    throw new JsonProblem(400, ['This request could not be read as JSON.']);
  }
}

/**
 * Cross-site request forgery: a browser says where a POST comes from. The forms are on the site's
 * own origin (behind the same proxy), so anything else is refused. A mail provider's one-click
 * unsubscribe sends neither header, and needs the secret token anyway.
 */
function crossSite(req: IncomingMessage, siteOrigin: string): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return true;
  const origin = req.headers.origin;
  return origin !== undefined && origin !== siteOrigin;
}

/** The request handler of the alerts service: every path is under /alerts/. */
export function alertsHandler(
  options: AlertsHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const now = options.now ?? Date.now;
  const { perWindow, windowMs } = options.limits ?? { perWindow: 20, windowMs: 10 * 60 * 1000 };
  const limiters = {
    subscribe: new RateLimiter(perWindow, windowMs, now),
    confirm: new RateLimiter(perWindow, windowMs, now),
    unsubscribe: new RateLimiter(perWindow, windowMs, now),
    pushSubscribe: new RateLimiter(perWindow, windowMs, now),
    pushUnsubscribe: new RateLimiter(perWindow, windowMs, now),
  };
  const siteOrigin = new URL(options.siteAddress).origin;

  const client = (req: IncomingMessage): string => {
    const real = req.headers['x-real-ip'];
    return options.trustProxy && typeof real === 'string' && real ? real : (req.socket.remoteAddress ?? '');
  };

  const limited = (action: keyof typeof limiters, req: IncomingMessage, locale: Locale): void => {
    const key = client(req);
    if (limiters[action].allow(key)) return;
    if (action.startsWith('push'))
      throw new JsonProblem(429, ['Too many tries. Wait a few minutes, then try again.'], {
        'Retry-After': String(limiters[action].retryAfter(key)),
      });
    throw new HttpProblem(problemPage(429, 'tooManyTitle', ['tooManyText'], locale), {
      'Retry-After': String(limiters[action].retryAfter(key)),
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://alerts.invalid');
    const method = req.method ?? 'GET';
    // Welsh emails link to the same pages under /cy/: the answer is in Welsh there.
    const locale = localeOfPath(url.pathname);
    const route = unlocalisedPath(url.pathname).replace(/\/$/, '');
    const actions: Record<string, string[]> = {
      '/alerts/subscribe': ['POST'],
      '/alerts/confirm': ['GET', 'POST'],
      '/alerts/unsubscribe': ['GET', 'POST'],
      // Web push: only when it is configured (the page offers it only then).
      ...(options.push
        ? {
            '/alerts/push/key': ['GET'],
            '/alerts/push/subscribe': ['POST'],
            '/alerts/push/unsubscribe': ['POST'],
          }
        : {}),
    };
    const allowed = actions[route];
    if (!allowed) throw problem(locale, 404, 'notFoundTitle', 'notFoundText');
    if (!allowed.includes(method))
      throw new HttpProblem(problemPage(405, 'wrongMethodTitle', [], locale), {
        Allow: allowed.join(', '),
      });
    if (method === 'POST' && crossSite(req, siteOrigin))
      throw problem(locale, 403, 'crossSiteTitle', 'crossSiteText');

    if (route.startsWith('/alerts/push/') && options.push) {
      const { push } = options;
      if (route === '/alerts/push/key') {
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ publicKey: push.publicKey }));
        return;
      }
      if (route === '/alerts/push/subscribe') {
        limited('pushSubscribe', req, locale);
        const read = readPushSubscription(await readJson(req), options.regionIds(), push.hosts);
        if ('problems' in read) throw new JsonProblem(400, read.problems);
        options.store.addPushSubscription({ ...read.request, now: now() });
        res.writeHead(204).end();
        return;
      }
      limited('pushUnsubscribe', req, locale);
      const body = await readJson(req);
      const endpoint = (body as { endpoint?: unknown } | null)?.endpoint;
      if (typeof endpoint !== 'string' || endpoint.length > 2048)
        throw new JsonProblem(400, ['Send the endpoint of the subscription to stop.']);
      // The same answer whether it was there or not.
      options.store.removePushSubscription({ endpoint });
      res.writeHead(204).end();
      return;
    }

    if (route === '/alerts/subscribe') {
      limited('subscribe', req, locale);
      const form = await readForm(req, locale);
      // The Welsh page's form posts here too, with language=cy: answer it in Welsh.
      const answerIn = formLocale(form, locale);
      const read = readSubscription(form, options.regionIds(), answerIn);
      if ('problems' in read)
        throw problem(answerIn, 400, 'problemTitle', ...read.problems.map((text) => ({ text })));
      requestSubscription(options.store, read.request, now());
      options.onQueued?.();
      // "Check your email" in the language of the form.
      res.writeHead(303, { Location: localePath(read.request.language ?? locale, CHECK_EMAIL_PATH) }).end();
      return;
    }

    if (route === '/alerts/confirm') {
      if (method === 'GET') {
        const token = url.searchParams.get('token') ?? '';
        send(res, wellFormedToken(token) ? confirmPage(token, locale) : badLinkPage(locale));
        return;
      }
      limited('confirm', req, locale);
      const token = (await readForm(req, locale)).get('token') ?? '';
      const ok = wellFormedToken(token) && confirmSubscription(options.store, options.secret, token, now());
      send(res, ok ? confirmedPage(locale) : badLinkPage(locale));
      return;
    }

    // Unsubscribe: the link in every email (GET shows a button), the button, and RFC 8058's
    // one-click POST to the same link, whose body is `List-Unsubscribe=One-Click`.
    const linkToken = url.searchParams.get('token') ?? '';
    if (method === 'GET') {
      send(res, wellFormedToken(linkToken) ? unsubscribePage(linkToken, locale) : badLinkPage(locale));
      return;
    }
    limited('unsubscribe', req, locale);
    const form = await readForm(req, locale);
    const token = form.get('token') ?? linkToken;
    const outcome = wellFormedToken(token) ? options.store.unsubscribe(tokenHash(token), now()) : 'unknown';
    send(res, outcome === 'unknown' ? badLinkPage(locale) : unsubscribedPage(locale));
  }

  return (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-store');
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof JsonProblem) {
        if (req.readable) res.setHeader('Connection', 'close');
        res
          .writeHead(error.status, { 'Content-Type': 'application/json', ...error.headers })
          .end(JSON.stringify({ problems: error.problems }));
        return;
      }
      if (error instanceof HttpProblem) {
        // Stop reading a body we refused (it may be large); the connection closes after the answer.
        if (req.readable) res.setHeader('Connection', 'close');
        send(res, error.page, error.headers);
        return;
      }
      // Never a stack trace to the client, and never the message in the log (it might hold an address).
      console.error(
        `alerts: unexpected ${(error as Error)?.name ?? 'error'} while answering ${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`,
      );
      send(
        res,
        problemPage(
          500,
          'brokenTitle',
          ['brokenText'],
          localeOfPath(new URL(req.url ?? '/', 'http://x').pathname),
        ),
      );
    });
  };
}
