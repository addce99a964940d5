/**
 * Control and format characters (zero-width spaces and joiners, soft hyphens, bidi controls,
 * U+FEFF…) and every other Unicode default-ignorable (Hangul fillers, variation selectors…), but
 * tab and newline. `npm run check` refuses them in files, since they can hide or
 * reorder letters; the studio takes them out of what people type or paste instead, since nobody
 * means to type them and nobody can see them to fix them.
 */
const INVISIBLE_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** Typed or pasted text without invisible characters; Windows line breaks become plain ones first. */
export function withoutInvisible(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE_RE, '');
}
