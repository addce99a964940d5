// Progressive enhancement for the Get alerts page: where the browser has service workers and the
// Push API and the alerts service has web push on, it reveals "Get alerts on this device". The
// notification permission is asked only when that button is pressed, then the browser subscribes
// with the service's key and the subscription is sent with the regions ticked in the form.
const SW_URL = '/alerts/sw.js';
const SW_SCOPE = '/alerts/';

const offer = document.querySelector<HTMLElement>('[data-push-offer]');
const subscribeButton = offer?.querySelector<HTMLButtonElement>('[data-push-subscribe]');
const unsubscribeButton = offer?.querySelector<HTMLButtonElement>('[data-push-unsubscribe]');
const statusLine = offer?.querySelector<HTMLElement>('[data-push-status]');

const say = (key: string) => {
  if (statusLine && offer) statusLine.textContent = offer.dataset[key] ?? '';
};

/** The regions ticked in the page's subscribe form. */
const tickedRegions = (): string[] =>
  [
    ...document.querySelectorAll<HTMLInputElement>(
      'form[action="/alerts/subscribe"] input[name="region"]:checked',
    ),
  ].map((input) => input.value);

/** The VAPID key as the Push API wants it (bytes, from base64url). */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

function showSubscribed(subscribed: boolean): void {
  if (subscribeButton) subscribeButton.hidden = subscribed;
  if (unsubscribeButton) unsubscribeButton.hidden = !subscribed;
}

async function subscribe(publicKey: string): Promise<void> {
  const regions = tickedRegions();
  if (regions.length === 0) {
    say('textChooseRegion');
    return;
  }
  // Asked only now, after the person pressed the button.
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') {
    say('textBlocked');
    return;
  }
  try {
    await navigator.serviceWorker.register(SW_URL, { scope: SW_SCOPE });
    const registration = await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    });
    const answer = await postJson('/alerts/push/subscribe', {
      subscription: subscription.toJSON(),
      regions,
      language: offer?.dataset.language,
      wording: offer?.dataset.wording,
    });
    if (!answer.ok) throw new Error(String(answer.status));
    showSubscribed(true);
    say('textSubscribed');
  } catch {
    say('textFailed');
  }
}

async function unsubscribe(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker.getRegistration(SW_SCOPE);
    const subscription = await registration?.pushManager.getSubscription();
    if (subscription) {
      const answer = await postJson('/alerts/push/unsubscribe', { endpoint: subscription.endpoint });
      if (!answer.ok) throw new Error(String(answer.status));
      await subscription.unsubscribe();
    }
    showSubscribed(false);
    say('textUnsubscribed');
  } catch {
    say('textFailed');
  }
}

async function start(): Promise<void> {
  if (!offer || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window))
    return;
  let publicKey: unknown;
  try {
    // 404 when the operator has not configured web push: then nothing is offered.
    const answer = await fetch('/alerts/push/key', { headers: { Accept: 'application/json' } });
    if (!answer.ok) return;
    publicKey = ((await answer.json()) as { publicKey?: unknown }).publicKey;
  } catch {
    return;
  }
  if (typeof publicKey !== 'string') return;
  const key = publicKey;
  // Already subscribed on this device: offer to stop instead.
  const registration = await navigator.serviceWorker.getRegistration(SW_SCOPE);
  showSubscribed(Boolean(await registration?.pushManager.getSubscription()));
  subscribeButton?.addEventListener('click', () => void subscribe(key));
  unsubscribeButton?.addEventListener('click', () => void unsubscribe());
  offer.hidden = false;
}

void start();

// A module: its names stay out of the page's global scope.
export {};
