import { existsSync, readFileSync } from 'node:fs';

/**
 * The audit log (src/lib/lifecycle/audit-log.ts) for publishers to read: who did what, when,
 * newest first, in plain words. Only the fields the log is meant to hold are read (time, appeal
 * number, action, reason category, who); anything else on a line is never shown, and a line that
 * is not a well-formed entry is left out.
 */
export interface AuditRow {
  time: Date;
  who: string;
  what: string;
}

const WITHDRAW_WORDS: Record<string, string> = {
  'consent-withdrawn': 'the family or guardian withdrew consent',
  legal: 'legal reasons',
  'police-request': 'the police asked for it to be withdrawn',
  safeguarding: 'safeguarding',
  duplicate: 'it duplicated another appeal',
  other: 'another reason',
};

const APPEAL_NUMBER = /^\d{4}-\d{4}$/;

/** One log line as a row, or undefined when it is not an entry the studio understands. */
export function auditRow(line: string): AuditRow | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { time, id, action, reason, by } = entry as Record<string, unknown>;
  if (typeof time !== 'string' || typeof by !== 'string' || typeof id !== 'string') return undefined;
  const when = new Date(time);
  if (Number.isNaN(when.getTime()) || !APPEAL_NUMBER.test(id)) return undefined;
  const appeal = `appeal ${id}`;
  const because = typeof reason === 'string' ? WITHDRAW_WORDS[reason] : undefined;
  const what = {
    found: `Closed ${appeal}: the child was found`,
    withdraw: `Withdrew ${appeal}${because ? `: ${because}` : ''}`,
    reopen: `Reopened ${appeal}`,
    purge: `Deleted the archived details of ${appeal}`,
    approve: `Approved ${appeal} for publishing`,
    alert: `Sent an alert about ${appeal} to subscribers`,
    'alert-recall': `Recalled the alerts about ${appeal} on closing it`,
  }[typeof action === 'string' ? action : ''];
  if (!what) return undefined;
  return { time: when, who: by, what };
}

export interface AuditPage {
  rows: AuditRow[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
}

export const AUDIT_PAGE_SIZE = 25;

/** Page `page` of the log's entries, newest first (an absent log is empty). */
export function auditPage(file: string, page: number, size = AUDIT_PAGE_SIZE): AuditPage {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const rows = lines
    .map((line) => (line.trim() ? auditRow(line) : undefined))
    .filter((row): row is AuditRow => row !== undefined)
    .reverse();
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  return {
    rows: rows.slice((current - 1) * size, current * size),
    page: current,
    pages,
    total: rows.length,
  };
}
