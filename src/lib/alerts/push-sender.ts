import { Agent } from 'node:https';
import webpush from 'web-push';
import type { VapidConfig } from './alerts-config.ts';
import type { PushSubscriptionKeys } from './alerts-store.ts';
import { type PushPayload, pushOptions } from './push-message.ts';

/** One web push to send: the device, and what it shows. */
export interface OutgoingPush {
  subscription: PushSubscriptionKeys;
  payload: PushPayload;
}

/** The push service answered that this subscription is gone for good (RFC 8030): delete it. */
export const subscriptionGone = (error: unknown): boolean => {
  const status = (error as { statusCode?: unknown }).statusCode;
  return status === 404 || status === 410;
};

/**
 * Sends web push with the operator's VAPID keys: encrypted (aes128gcm), `TTL` a few hours,
 * `Urgency: high`, `Topic` the appeal id. Connections are kept open (at most `concurrency`), as a
 * push service takes many messages per connection. `ca` trusts another authority (tests).
 */
export function webPushSender(
  vapid: VapidConfig,
  concurrency: number,
  ca?: Buffer,
): { send: (push: OutgoingPush) => Promise<void>; close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency, ...(ca ? { ca } : {}) });
  return {
    send: async ({ subscription, payload }) => {
      await webpush.sendNotification(subscription, JSON.stringify(payload), {
        ...pushOptions(payload.tag),
        vapidDetails: vapid,
        contentEncoding: 'aes128gcm',
        agent,
        timeout: 30_000,
      });
    },
    close: () => agent.destroy(),
  };
}

/** A new VAPID key pair, base64url, for `npm run alerts -- vapid-keys`. */
export function newVapidKeys(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys();
}
