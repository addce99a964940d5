/** Appeal ids are `YYYY-NNNN`: a year and a counter. They carry no personal data. */
export const APPEAL_ID_PATTERN = /^(\d{4})-(\d{4})$/;

/** `ids`, copied, once each is shaped like an appeal id; else an error naming `who` is thrown (ids end up in paths and patterns). */
export function checkedAppealIds(ids: readonly string[], who: string): string[] {
  for (const id of ids)
    if (!APPEAL_ID_PATTERN.test(id))
      throw new Error(`${who}: expected an appeal id like 2026-0042, got ${JSON.stringify(id)}`);
  return [...ids];
}

export function isAppealId(text: string): boolean {
  const m = APPEAL_ID_PATTERN.exec(text);
  return !!m && Number(m[1]) >= 1900 && Number(m[2]) > 0;
}

/** The next free id in `year`, after the highest already used that year. */
export function nextAppealId(existing: Iterable<string>, year: number): string {
  let highest = 0;
  for (const id of existing) {
    const m = APPEAL_ID_PATTERN.exec(id);
    if (m && Number(m[1]) === year) highest = Math.max(highest, Number(m[2]));
  }
  if (highest >= 9999) throw new Error(`No appeal ids left for ${year}: ${year}-9999 is taken.`);
  return `${year}-${String(highest + 1).padStart(4, '0')}`;
}
