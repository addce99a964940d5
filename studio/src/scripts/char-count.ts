// Character counters for inputs with a limit (`data-maxlength`): "You have 12 characters left".
// Only an enhancement: the limit is written in each field's hint, and the check enforces it.
import { withoutInvisible } from '../../../src/lib/studio/plain-input.ts';

function counterFor(input: HTMLInputElement | HTMLTextAreaElement): void {
  const max = Number(input.dataset.maxlength);
  if (!Number.isFinite(max) || max <= 0) return;
  const counter = document.createElement('span');
  counter.className = 'char-count';
  counter.id = `${input.id}-count`;
  counter.setAttribute('aria-live', 'polite');
  input.insertAdjacentElement('afterend', counter);
  const update = () => {
    // Counted as it is saved: the studio takes invisible characters out.
    const left = max - withoutInvisible(input.value).length;
    counter.textContent =
      left >= 0
        ? `You have ${left.toLocaleString('en-GB')} character${left === 1 ? '' : 's'} left`
        : `You have ${(-left).toLocaleString('en-GB')} character${left === -1 ? '' : 's'} too many`;
    counter.classList.toggle('char-count--over', left < 0);
  };
  input.addEventListener('input', update);
  update();
}

for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-maxlength]'))
  counterFor(input);
