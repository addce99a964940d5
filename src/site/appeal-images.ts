import { SHARE_CARD } from '../lib/photos/share-card.ts';

export const shareCardPath = (id: string) => `/appeals/${id}/share-card.jpg`;
export const posterPath = (id: string) => `/appeals/${id}/poster/`;

export function shareImageFor(id: string, name: string) {
  return {
    url: shareCardPath(id),
    width: SHARE_CARD.width,
    height: SHARE_CARD.height,
    alt: `Missing: ${name}. Photo, when last seen, and whom to call.`,
  };
}
