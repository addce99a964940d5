import yaml from 'js-yaml';

/** The same delimiters Astro's Markdown loader accepts, so `check` and the build agree. */
const FRONTMATTER_RE = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

export interface ParsedMarkdown {
  data: Record<string, unknown>;
  body: string;
}

export class FrontmatterError extends Error {}

/** Splits a Markdown file into YAML frontmatter (parsed as Astro parses it) and body. */
export function parseMarkdownFile(source: string): ParsedMarkdown {
  const match = FRONTMATTER_RE.exec(source);
  if (!match) throw new FrontmatterError('expected YAML frontmatter between two "---" lines at the top of the file');
  let data: unknown;
  try {
    data = yaml.load(match[1]!);
  } catch (error) {
    const e = error as { reason?: string; mark?: { line: number } };
    const line = e.mark ? ` on line ${e.mark.line + 2}` : '';
    throw new FrontmatterError(`expected valid YAML frontmatter; ${e.reason ?? String(error)}${line}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new FrontmatterError('expected frontmatter of "field: value" lines');
  return { data: data as Record<string, unknown>, body: source.slice(match.index + match[0].length) };
}

/** YAML reads an unquoted 2026-05-01 as a Date; write it back as the same plain date text. */
function datesAsText(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (Array.isArray(value)) return value.map(datesAsText);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesAsText(v)]));
  return value;
}

/** Writes frontmatter and body back as a Markdown file. */
export function stringifyMarkdownFile(data: Record<string, unknown>, body: string): string {
  const front = yaml.dump(datesAsText(data), { lineWidth: 100, noRefs: true, quotingType: '"' });
  const trimmed = body.trim();
  return `---\n${front}---\n${trimmed ? `\n${trimmed}\n` : ''}`;
}
