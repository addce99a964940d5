import { randomBytes } from 'node:crypto';
import type { AlertsStore } from './alerts-store.ts';
import type { SubscriptionRequest } from './subscription-form.ts';
import { CONFIRMATION_LIFETIME_MS, newToken, tokenHash, unsubscribeToken } from './tokens.ts';

/** At most one confirmation email per address in this time, however often the form is sent. */
export const CONFIRMATION_RESEND_MS = 10 * 60 * 1000;

/**
 * A subscription request: a confirmation email is queued for a new, pending or already confirmed
 * address alike (confirming again replaces the regions), so the answer never tells who is
 * subscribed. Nothing else is sent before the person confirms.
 */
export function requestSubscription(store: AlertsStore, request: SubscriptionRequest, now: number): void {
  store.forgetUnconfirmed(now);
  store.transaction(() => {
    const subscriber =
      store.findSubscriber(request.email) ??
      store.addPending(request.email, randomBytes(16).toString('hex'), now, request.language);
    const last = subscriber.lastConfirmationAt;
    if (last !== null && now - last < CONFIRMATION_RESEND_MS) return;
    const token = newToken();
    store.addConfirmation({
      subscriberId: subscriber.id,
      tokenHash: tokenHash(token),
      token,
      regions: request.regions,
      wording: request.wording,
      language: request.language,
      now,
      expiresAt: now + CONFIRMATION_LIFETIME_MS,
    });
  });
}

/** Confirms with a link's token: false when it is unknown, used or expired. */
export function confirmSubscription(store: AlertsStore, secret: Buffer, token: string, now: number): boolean {
  const found = store.findConfirmation(tokenHash(token), now);
  if (!found) return false;
  const subscriber = store.subscriberById(found.subscriberId);
  if (!subscriber) return false;
  return store.confirm(
    tokenHash(token),
    tokenHash(unsubscribeToken(secret, subscriber.unsubscribeNonce)),
    now,
  );
}
