import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { MAIN_PHOTO } from './photo-sizes.ts';
import { SHARE_CARD } from '../lib/photos/share-card.ts';

/** The file a content photo was read from; Astro records it on the image's metadata at build. */
export function photoSourceFile(image: ImageMetadata): string {
  const file = (image as ImageMetadata & { fsPath?: string }).fsPath;
  if (!file) throw new Error(`No source file recorded for photo ${image.src}`);
  return file;
}

/** The largest optimised JPEG of a photo, for "download photo": resized, without metadata. */
export async function downloadablePhoto(image: ImageMetadata) {
  const width = Math.max(...MAIN_PHOTO.widths);
  return getImage({ src: image, width, format: 'jpg', quality: MAIN_PHOTO.quality });
}

/** A small JPEG thumbnail for partners (the API), who may not handle AVIF or WebP. */
export async function partnerThumbnail(image: ImageMetadata) {
  return getImage({ src: image, width: 224, format: 'jpg', quality: 60 });
}

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
