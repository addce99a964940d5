import { existsSync, readFileSync } from 'node:fs';
import type { DeliveryCount } from '../alerts/alerts-store.ts';
import type { AuditEntry } from '../lifecycle/audit-log.ts';

/**
 * What comms staff see of an appeal's alerts: who sent them and when (the audit log), how many
 * addresses each channel reached (the alerts service's counts, never an address), and what its
 * closure recalled and who closed it. `alertHistory` is pure: the page reads the log and the counts.
 */

export interface ChannelCounts {
  sent: number;
  /** Queued or being sent now. */
  waiting: number;
  failed: number;
  /** Not sent because the appeal closed first. */
  cancelled: number;
}

interface Act {
  at: string;
  by: string;
}

export interface AlertHistory {
  sends: Act[];
  email: ChannelCounts;
  push: ChannelCounts;
  /** The "no longer active" notifications sent to replace a push alert. */
  recallNotices: ChannelCounts;
  recalls: Array<Act & { closure: 'found' | 'withdraw' | undefined }>;
}

const WAITING = new Set(['queued', 'sending']);

function countsOf(rows: readonly DeliveryCount[]): ChannelCounts {
  const counts: ChannelCounts = { sent: 0, waiting: 0, failed: 0, cancelled: 0 };
  for (const row of rows) {
    if (row.status === 'sent') counts.sent += row.count;
    else if (row.status === 'cancelled') counts.cancelled += row.count;
    else if (WAITING.has(row.status)) counts.waiting += row.count;
    // Refused for good, or a push address the browser's service says is gone: not delivered.
    else counts.failed += row.count;
  }
  return counts;
}

/**
 * The alerts of one appeal from its audit entries (oldest first) and the store's counts; undefined
 * when no alert was ever sent or queued for it. A recall is the closure's: who closed it, when.
 */
export function alertHistory(
  entries: readonly AuditEntry[],
  counts: readonly DeliveryCount[],
): AlertHistory | undefined {
  const sends = entries.filter((e) => e.action === 'alert').map((e) => ({ at: e.time, by: e.by }));
  if (sends.length === 0 && counts.every((c) => c.count === 0)) return undefined;
  const recalls: AlertHistory['recalls'] = [];
  let closure: 'found' | 'withdraw' | undefined;
  for (const entry of entries) {
    if (entry.action === 'found' || entry.action === 'withdraw') closure = entry.action;
    else if (entry.action === 'reopen') closure = undefined;
    else if (entry.action === 'alert-recall') recalls.push({ at: entry.time, by: entry.by, closure });
  }
  const of = (channel: DeliveryCount['channel'], kind: DeliveryCount['kind']) =>
    countsOf(counts.filter((c) => c.channel === channel && c.kind === kind));
  return {
    sends,
    email: of('email', 'alert'),
    push: of('push', 'alert'),
    recallNotices: of('push', 'recall'),
    recalls,
  };
}

const ACTIONS: ReadonlySet<string> = new Set<AuditEntry['action']>([
  'found',
  'withdraw',
  'reopen',
  'alert',
  'alert-recall',
]);

/** The audit log's entries about appeal `id` that bear on its alerts, oldest first. */
export function alertAuditEntries(file: string, id: string): AuditEntry[] {
  if (!existsSync(file)) return [];
  const entries: AuditEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    let entry: Partial<AuditEntry>;
    try {
      entry = JSON.parse(line) as Partial<AuditEntry>;
    } catch {
      continue; // A torn last line from a killed write: not an entry.
    }
    if (
      entry.id === id &&
      typeof entry.time === 'string' &&
      typeof entry.by === 'string' &&
      typeof entry.action === 'string' &&
      ACTIONS.has(entry.action)
    )
      entries.push({ time: entry.time, id, action: entry.action, by: entry.by });
  }
  return entries;
}

/** One row of the "Alert subscribers" table. */
export interface SubscriberRow {
  name: string;
  email: number;
  push: number;
}

/**
 * The regions as the settings name them, in their order, then "All of the UK", each with its
 * counts (0 where nobody subscribed). Counts for a region no longer in the settings are added up
 * in one last row rather than named by an id.
 */
export function subscriberRows(
  regions: ReadonlyArray<{ id: string; name: string }>,
  counts: Readonly<Record<string, { email: number; push: number }>>,
  allRegions: string,
): SubscriberRow[] {
  const row = (name: string, id: string): SubscriberRow => ({
    name,
    email: counts[id]?.email ?? 0,
    push: counts[id]?.push ?? 0,
  });
  const rows = [...regions.map((r) => row(r.name, r.id)), row('All of the UK', allRegions)];
  const known = new Set([...regions.map((r) => r.id), allRegions]);
  const others = Object.entries(counts).filter(([id]) => !known.has(id));
  if (others.length > 0)
    rows.push({
      name: 'Regions no longer offered',
      email: others.reduce((n, [, c]) => n + c.email, 0),
      push: others.reduce((n, [, c]) => n + c.push, 0),
    });
  return rows;
}
