import { foldText } from '../model/text-fold.ts';

/** Rules for photo files that sit beside an appeal's index.md. */
export const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif'] as const;

export function isPhotoFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return PHOTO_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** A neutral name for the nth photo of an appeal: no personal data in published file names. */
export function neutralPhotoName(index: number, extension = '.jpg'): string {
  return `photo-${index}${extension}`;
}

/**
 * Name parts (3+ letters) of the child that appear in a file name, accents or not: "zoe-nowak.jpg"
 * holds both parts of "Zoë Ńowak".
 */
export function namePartsIn(fileName: string, names: readonly string[]): string[] {
  const lower = foldText(fileName);
  const parts = names.flatMap((n) => foldText(n).split(/[^\p{L}]+/u)).filter((p) => p.length >= 3);
  return [...new Set(parts.filter((p) => lower.includes(p)))];
}
