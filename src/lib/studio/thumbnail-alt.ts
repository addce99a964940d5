/** A thumbnail's text alternative: the photo's description, or which photo it is when it has none yet. */
export function thumbnailAlt(alt: string | undefined, index: number): string {
  const text = (alt ?? '').trim();
  return text === '' ? `Photo ${index + 1} (no description yet)` : text;
}
