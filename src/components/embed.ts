// Applies the embed's ?region= and ?limit= to the cards the page carries.
import { parseEmbedParams, pickEmbedCards } from '../lib/outputs/embed-selection.ts';

const list = document.querySelector<HTMLElement>('[data-embed-list]');
if (list) {
  const regions = (list.dataset.regions ?? '').split(' ').filter(Boolean);
  const params = parseEmbedParams(location.search, regions);
  const items = [...list.querySelectorAll<HTMLElement>('[data-appeal-id]')];
  const shown = new Set(
    pickEmbedCards(
      items.map((el) => ({ id: el.dataset.appealId ?? '', region: el.dataset.region ?? '' })),
      params,
    ),
  );
  for (const item of items) item.hidden = !shown.has(item.dataset.appealId ?? '');
  const empty = document.querySelector<HTMLElement>('[data-embed-empty]');
  if (empty) empty.hidden = shown.size > 0;
  const more = document.querySelector<HTMLAnchorElement>('[data-embed-more]');
  if (more && params.region) more.href = new URL(`/appeals/region/${params.region}/`, more.href).href;
}
