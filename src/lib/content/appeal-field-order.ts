/**
 * The order of an appeal's fields in index.md: the order of the README's fields table, which is
 * also the order `appeal new` writes. Files the studio saves keep it, so they read the same as
 * hand-written ones.
 */
export const APPEAL_FIELD_ORDER = {
  status: true,
  name: true,
  knownAs: true,
  sex: true,
  dateOfBirth: true,
  ageAtDisappearance: true,
  missingSince: true,
  lastSeen: { place: true, town: true, region: true },
  description: { height: true, build: true, hair: true, eyes: true, clothing: true, features: true },
  welsh: {
    lastSeen: { place: true, town: true },
    description: { height: true, build: true, hair: true, eyes: true, clothing: true, features: true },
    circumstances: true,
  },
  photos: [
    { src: true, alt: true, caption: true, kind: true, taken: true, welsh: { alt: true, caption: true } },
  ],
  force: { name: true, reference: true },
  consent: { by: true, date: true },
  reviewBy: true,
  urgent: true,
  published: true,
  updated: true,
  closedAt: true,
} as const;

type Order = true | { readonly [key: string]: Order } | readonly [Order];
/** `Array.isArray` would narrow the readonly tuple to `any[]`; this keeps its element's type. */
const isList = (order: Order): order is readonly [Order] => Array.isArray(order);

function ordered(value: unknown, order: Order): unknown {
  if (order === true || value === null || typeof value !== 'object') return value;
  if (isList(order)) return Array.isArray(value) ? value.map((item) => ordered(item, order[0])) : value;
  if (Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const spec = order;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(spec))
    if (record[key] !== undefined) out[key] = ordered(record[key], spec[key]!);
  // Fields the table does not know (typos a person must fix) stay, after the known ones, so nothing is lost.
  for (const key of Object.keys(record))
    if (!(key in spec) && record[key] !== undefined) out[key] = record[key];
  return out;
}

/** `data` with its fields, and those of its groups and photos, in the documented order. */
export function inDocumentedOrder(data: Record<string, unknown>): Record<string, unknown> {
  return ordered(data, APPEAL_FIELD_ORDER) as Record<string, unknown>;
}

/** Every documented field path, in order: `status`, …, `lastSeen.place`, …, `photos[].src`, …. */
export function documentedFieldPaths(): string[] {
  const walk = (order: Order, prefix: string): string[] => {
    if (order === true) return [prefix];
    if (isList(order)) return walk(order[0], `${prefix}[]`);
    return Object.entries(order).flatMap(([key, child]) => walk(child, prefix ? `${prefix}.${key}` : key));
  };
  return walk(APPEAL_FIELD_ORDER, '');
}
