// The "Print poster" button needs JavaScript; without it, the browser's own Print works the same.
const button = document.querySelector<HTMLButtonElement>('[data-print]');
if (button) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
export {};
