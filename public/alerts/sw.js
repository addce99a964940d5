// The alerts service worker (issue 21): shows each web push as a notification tagged with the
// appeal id, so a recall (the same tag) replaces the alert on the lock screen with only "This
// appeal is no longer active". A click opens the link the push carries (the appeal's page).
// Plain JavaScript, served as it is from the site's own origin (the site's CSP allows nothing else).

/** The push's JSON: { tag, title, body, url }; a push without one still shows something. */
function readPayload(event) {
  try {
    const data = event.data ? event.data.json() : {};
    return {
      tag: typeof data.tag === 'string' ? data.tag : 'alert',
      title: typeof data.title === 'string' ? data.title : 'Urgent appeal',
      body: typeof data.body === 'string' ? data.body : '',
      url: typeof data.url === 'string' ? data.url : '/',
    };
  } catch {
    return { tag: 'alert', title: 'Urgent appeal', body: '', url: '/' };
  }
}

async function show(payload) {
  // Close what this appeal showed before (a recall must not leave the alert behind), then show
  // the new one with the same tag; `renotify` is left off so a recall does not buzz again.
  const shown = await self.registration.getNotifications({ tag: payload.tag });
  for (const notification of shown) notification.close();
  await self.registration.showNotification(payload.title, {
    tag: payload.tag,
    body: payload.body,
    data: { url: payload.url },
  });
}

self.addEventListener('push', (event) => {
  event.waitUntil(show(readPayload(event)));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(
    event.notification.data && event.notification.data.url ? event.notification.data.url : '/',
    self.location.origin,
  );
  // Only pages of this site.
  if (url.origin !== self.location.origin) return;
  event.waitUntil(self.clients.openWindow(url.href));
});
