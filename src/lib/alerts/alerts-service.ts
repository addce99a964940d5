import { createServer, type Server } from 'node:http';
import { loadSettings } from '../content/load-settings.ts';
import { buildDate } from '../model/build-date.ts';
import { alertEmail, confirmationEmail } from './alert-email.ts';
import { alertSummary } from './alert-appeal.ts';
import { type AlertsConfig, currentRegions } from './alerts-config.ts';
import { alertsHandler, type AlertsHandlerOptions } from './alerts-http.ts';
import { type AlertsStore, openAlertsStore, type PushOutboxRow } from './alerts-store.ts';
import { smtpSender } from './mailer.ts';
import { OutboxWorker } from './outbox-worker.ts';
import { pushAlert, pushRecall } from './push-message.ts';
import { type OutgoingPush, subscriptionGone, webPushSender } from './push-sender.ts';
import { DEFAULT_PUSH_HOSTS } from './push-subscription-form.ts';
import { loadSecret, unsubscribeToken } from './tokens.ts';

/** Emails in flight at once: a few connections to the relay, which does the fan-out. */
const CONCURRENCY = 4;
/** Web pushes in flight at once: each is one small HTTPS request to the browser's push service. */
const PUSH_CONCURRENCY = 16;
/** Web pushes handed to push services per second, at most. */
const PUSH_PER_SECOND = 500;

export interface RunningAlertsService {
  port: number;
  store: AlertsStore;
  close(): Promise<void>;
}

/**
 * The alerts service: the subscribe, confirm and unsubscribe endpoints on 127.0.0.1, and the
 * sender working through the outbox (when a relay is configured).
 */
export async function startAlertsService(
  config: AlertsConfig,
  options: Pick<AlertsHandlerOptions, 'limits'> & { pushCa?: Buffer } = {},
): Promise<RunningAlertsService> {
  const store = openAlertsStore(config.dataDir);
  const secret = loadSecret(config.dataDir);
  const organisation = () =>
    loadSettings(config.contentDir).settings?.organisation.name ?? 'The appeals site';
  const sender = config.smtp ? smtpSender(config.smtp, CONCURRENCY) : undefined;
  const worker = sender
    ? new OutboxWorker({
        store,
        send: sender.send,
        concurrency: CONCURRENCY,
        perSecond: config.sendPerSecond,
        render: (row) => {
          if (row.kind === 'confirm')
            return row.secret
              ? confirmationEmail({
                  to: row.email,
                  token: row.secret,
                  siteAddress: config.siteAddress,
                  organisation: organisation(),
                  idempotencyKey: row.idempotencyKey,
                  locale: row.language,
                })
              : undefined;
          const summary = row.appealId
            ? alertSummary(config.contentDir, row.appealId, buildDate({ buildDate: undefined }), row.language)
            : undefined;
          return summary
            ? alertEmail({
                to: row.email,
                summary,
                siteAddress: config.siteAddress,
                unsubscribeToken: unsubscribeToken(secret, row.unsubscribeNonce),
                idempotencyKey: row.idempotencyKey,
                locale: row.language,
              })
            : undefined;
        },
      })
    : undefined;
  // Web push, when VAPID keys are configured: a second worker on the outbox's push rows.
  const pusher = config.push ? webPushSender(config.push, PUSH_CONCURRENCY, options.pushCa) : undefined;
  const pushWorker = pusher
    ? new OutboxWorker<PushOutboxRow, OutgoingPush>({
        store,
        channel: 'push',
        claim: (worker, now, limit) => store.claimDuePush(worker, now, limit),
        send: pusher.send,
        concurrency: PUSH_CONCURRENCY,
        perSecond: PUSH_PER_SECOND,
        render: (row) => {
          if (row.kind === 'recall')
            return {
              subscription: row.subscription,
              payload: pushRecall(row.appealId, config.siteAddress, row.language),
            };
          const summary = alertSummary(config.contentDir, row.appealId, buildDate({ buildDate: undefined }));
          return summary
            ? {
                subscription: row.subscription,
                payload: pushAlert(summary, config.siteAddress, row.language),
              }
            : undefined;
        },
        // 404 or 410: the browser unsubscribed or the subscription expired. Deleted, never retried.
        permanent: (row, error) => {
          if (!subscriptionGone(error)) return false;
          store.removePushSubscription({ id: row.pushSubscriptionId });
          return true;
        },
      })
    : undefined;
  const handler = alertsHandler({
    store,
    secret,
    siteAddress: config.siteAddress,
    regionIds: () => currentRegions(config.contentDir).map((r) => r.id),
    trustProxy: config.trustProxy,
    onQueued: () => worker?.kick(),
    ...(config.push
      ? { push: { publicKey: config.push.publicKey, hosts: config.pushHosts ?? DEFAULT_PUSH_HOSTS } }
      : {}),
    ...options,
  });
  const server: Server = createServer(handler);
  // Slow clients may not hold connections open: bounded time for headers and the whole request.
  server.headersTimeout = 10_000;
  server.requestTimeout = 20_000;
  server.maxHeadersCount = 50;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', () => resolve());
  });
  worker?.start();
  pushWorker?.start();
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : config.port,
    store,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await worker?.stop();
      await pushWorker?.stop();
      sender?.close();
      pusher?.close();
      store.close();
    },
  };
}
