/** "14:05 on 29 November 2026", in UK time: how the studio says when something happened. */
export function when(iso: string | number | undefined): string {
  if (iso === undefined || iso === '') return 'an unknown time';
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  return `${time} on ${day}`;
}

/** "29 November 2026" for a YYYY-MM-DD date. */
export function longDate(text: string | undefined): string {
  if (!text || !/^\d{4}-\d{2}-\d{2}/.test(text)) return text ?? '';
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  return (
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(Date.UTC(y, m - 1, d)) + text.slice(10)
  );
}
