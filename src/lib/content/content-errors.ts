import type { z } from 'zod';

/** One thing a comms officer must fix: the file, the field, what was expected and what was found. */
export interface ContentProblem {
  file: string;
  field?: string;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return p.field ? `${p.file}: ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** `lastSeen.town`, `photos[1].alt`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** How a found value reads in a message: quoted text, dates as written, short lists. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (value instanceof Date) return `"${value.toISOString().slice(0, 10)}"`;
  // Frontmatter keeps numbers as the text typed; a plain number reads as one: "got 19".
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return value;
  if (typeof value === 'string')
    return value.trim() === ''
      ? 'an empty value'
      : JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a group of fields';
  return (value as number | boolean | bigint).toString();
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j]!;
      row[j] = Math.min(
        row[j]! + 1,
        row[j - 1]! + 1,
        previous + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      previous = saved;
    }
  }
  return row[b.length]!;
}

/** The closest known field name, if the unknown one looks like a typo of it. */
export function suggestField(unknown: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(unknown, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(unknown.length / 3)) ? best : undefined;
}

function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  // Walk the schema's shape to list valid keys for a typo suggestion.
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let node = s as { def?: Record<string, unknown> } | undefined;
    for (let guard = 0; node?.def && guard < 10; guard++) {
      const def = node.def;
      if (def.type === 'object') return node;
      node = (def.innerType ?? def.in ?? def.schema ?? def.out) as typeof node;
      if (def.type === 'array') node = def.element as typeof node;
    }
    return node;
  };
  current = unwrap(current);
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const shape = (current as { def?: { shape?: Record<string, unknown> } })?.def?.shape;
    current = unwrap(shape?.[key]);
    if (current === undefined) return [];
  }
  const arrayElement = (current as { def?: { type?: string; element?: unknown } })?.def;
  if (arrayElement?.type === 'array') current = unwrap(arrayElement.element);
  return Object.keys((current as { def?: { shape?: Record<string, unknown> } })?.def?.shape ?? {});
}

/** Turns zod issues into problems, naming each field and what was found there. */
export function problemsFromIssues(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  schema: z.ZodType,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const suggestion = suggestField(key, known);
        problems.push({
          file,
          field: formatPath([...issue.path, key]),
          message: `unknown field${suggestion ? `; did you mean "${suggestion}"?` : ''} (expected one of: ${known.join(', ')})`,
        });
      }
      continue;
    }
    const found = valueAt(data, issue.path);
    // A date on no calendar says why: "(February 2026 has 28 days)".
    const reason = (issue as { params?: { reason?: unknown } }).params?.reason;
    const why = typeof reason === 'string' ? ` (${reason})` : '';
    const message =
      found === undefined
        ? `${issue.message}, but it is missing`
        : `${issue.message}, got ${describeValue(found)}${why}`;
    problems.push({ file, field: formatPath(issue.path) || undefined, message });
  }
  return problems;
}
