/**
 * The studio's help beside each field is the README's fields table, so the two never disagree:
 * the table is read once at start-up and each row becomes the help of its field(s).
 */
export interface FieldHelp {
  /** The "Required" cell: `yes`, `no`, `one of these two`, …. */
  required: string;
  /** The "What to write" cell, as written (with `code` spans). */
  help: string;
}

/** One row's first cell, like "`description.height`, `.build`", as full field paths. */
function fieldNames(cell: string): string[] {
  const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const first = names[0];
  if (!first) return [];
  const parent = first.includes('.') ? first.slice(0, first.lastIndexOf('.')) : '';
  return names.map((name) => (name.startsWith('.') ? `${parent}${name}` : name));
}

function cells(row: string): string[] {
  // Split on pipes that are not inside code spans (`a | b` never occurs, but `\|` may).
  return row
    .replace(/^\|/, '')
    .replace(/\|\s*$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** Field path (`lastSeen.town`, `photos[].alt`) → its help, from the README's "### Fields" table. */
export function parseFieldsTable(readme: string): Map<string, FieldHelp> {
  const start = readme.indexOf('\n### Fields\n');
  if (start < 0) throw new Error('README.md has no "### Fields" section');
  const section = readme.slice(start + 1).split(/\n#{2,3} /)[0]!;
  const table = new Map<string, FieldHelp>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const [names, required, help] = cells(line);
    if (names === undefined || required === undefined || help === undefined) continue;
    for (const name of fieldNames(names)) table.set(name, { required, help });
  }
  return table;
}

export type HelpPart = { code: boolean; text: string };

/** A help text split into plain text and `code` parts, to render without raw HTML. */
export function helpParts(help: string): HelpPart[] {
  return help
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`')
        ? { code: true, text: part.slice(1, -1) }
        : { code: false, text: part },
    );
}
