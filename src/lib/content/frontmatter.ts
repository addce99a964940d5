import yaml from 'js-yaml';

/** The same delimiters Astro's Markdown loader accepts, so `check` and the build agree. */
const FRONTMATTER_RE = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

export interface ParsedMarkdown {
  data: Record<string, unknown>;
  body: string;
}

export class FrontmatterError extends Error {}

/**
 * YAML with text, lists, groups, true/false and empty values only. YAML's own rules would turn an
 * unquoted 2026-02-30 into 2 March and a reference 0123 into the number 123 before the schema sees
 * them; here every other value stays the text the author typed, and the schema reads it.
 */
// js-yaml exports its built-in types as `types`; @types/js-yaml does not declare them.
const { types } = yaml as unknown as { types: Record<'null' | 'bool' | 'merge', yaml.Type> };
export const TEXT_YAML_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [types.null, types.bool, types.merge],
});

/** Parses YAML as text (see TEXT_YAML_SCHEMA); throws js-yaml's error on bad syntax. */
export function loadTextYaml(source: string): unknown {
  return yaml.load(source, { schema: TEXT_YAML_SCHEMA });
}

/** Splits a Markdown file into YAML frontmatter (every value as text, see TEXT_YAML_SCHEMA) and body. */
export function parseMarkdownFile(source: string): ParsedMarkdown {
  const match = FRONTMATTER_RE.exec(source);
  if (!match)
    throw new FrontmatterError('expected YAML frontmatter between two "---" lines at the top of the file');
  let data: unknown;
  try {
    data = loadTextYaml(match[1]!);
  } catch (error) {
    const e = error as { reason?: string; mark?: { line: number } };
    const line = e.mark ? ` on line ${e.mark.line + 2}` : '';
    throw new FrontmatterError(`expected valid YAML frontmatter; ${e.reason ?? String(error)}${line}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new FrontmatterError('expected frontmatter of "field: value" lines');
  return { data: data as Record<string, unknown>, body: source.slice(match.index + match[0].length) };
}

/** Writes frontmatter and body back as a Markdown file. */
export function stringifyMarkdownFile(data: Record<string, unknown>, body: string): string {
  const front = yaml.dump(data, { lineWidth: 100, noRefs: true, quotingType: '"' });
  const trimmed = body.trim();
  return `---\n${front}---\n${trimmed ? `\n${trimmed}\n` : ''}`;
}
