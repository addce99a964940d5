// Progressive enhancement for sharing: the plain links work without this script. It reveals a
// "Copy link" button where the clipboard is available and a "Share…" button where the browser
// has a share sheet (the Web Share API), and announces the outcome to screen readers.
const shareStatus = document.querySelector<HTMLElement>('[data-share-status]');
const say = (text: string) => {
  if (shareStatus) shareStatus.textContent = text;
};

const copy = document.querySelector<HTMLButtonElement>('[data-copy-link]');
if (copy && navigator.clipboard) {
  copy.hidden = false;
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(copy.dataset.copyLink ?? location.href).then(
      // The words come from the page, in its language.
      () => say(shareStatus?.dataset.copied ?? ''),
      () => say(shareStatus?.dataset.copyFailed ?? ''),
    );
  });
}

const share = document.querySelector<HTMLButtonElement>('[data-web-share]');
if (share && typeof navigator.share === 'function') {
  share.hidden = false;
  share.addEventListener('click', () => {
    const data = {
      title: share.dataset.title ?? document.title,
      text: share.dataset.text ?? '',
      url: share.dataset.url ?? location.href,
    };
    // A cancelled share sheet rejects too; that is not an error worth announcing.
    navigator.share(data).catch(() => undefined);
  });
}
export {};
