/**
 * Content files are read with YAML that keeps every value as the text typed (see
 * src/lib/content/frontmatter.ts); these turn text into numbers only where a schema expects one.
 */

/** A whole number typed as text ("14", " 24 "), as a number; anything else as it is. */
export function wholeNumberFromText(value: unknown): unknown {
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

/** A number given where text is expected (by code, not YAML), as its text. */
export function numberToText(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : value;
}
