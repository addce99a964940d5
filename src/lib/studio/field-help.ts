/**
 * The README's fields table, read as data: a test keeps the file's documented field order and the
 * table in step. (The studio's own help, in plain words, is in appeal-form.ts.)
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
