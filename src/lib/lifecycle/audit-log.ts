import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The audit log: one JSON Lines record per lifecycle action (closure, reopening, purge,
 * approval of a new appeal or of changes to one, an alert sent, the alerts a closure recalled).
 * Ids, actions, reason categories and the operator: never anything about the child.
 */
export interface AuditEntry {
  time: string;
  id: string;
  action:
    'found' | 'withdraw' | 'reopen' | 'purge' | 'approve' | 'approve-changes' | 'alert' | 'alert-recall';
  reason?: string;
  by: string;
}

/** The audit log's file name in the archive folder, unless the operator sets `AUDIT_LOG`. */
const AUDIT_LOG_FILE = 'audit-log.jsonl';

/** Where the audit log is: `configured` (the operator's `AUDIT_LOG`), else beside the archived appeals. */
export function auditLogPath(archiveDir: string, configured: string | undefined): string {
  return configured ? path.resolve(configured) : path.join(archiveDir, AUDIT_LOG_FILE);
}

/** One JSON Lines record. */
export function auditLine(entry: AuditEntry): string {
  return `${JSON.stringify({ time: entry.time, id: entry.id, action: entry.action, ...(entry.reason ? { reason: entry.reason } : {}), by: entry.by })}\n`;
}

export function appendAudit(file: string, entry: AuditEntry): void {
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, auditLine(entry));
}

/** The last action the log records for appeal `id`, if any (unreadable lines are skipped). */
export function lastAuditAction(file: string, id: string): AuditEntry['action'] | undefined {
  if (!existsSync(file)) return undefined;
  let last: AuditEntry['action'] | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    try {
      const entry = JSON.parse(line) as Partial<AuditEntry>;
      if (entry.id === id && entry.action) last = entry.action;
    } catch {
      // A torn last line from a killed write: not an entry.
    }
  }
  return last;
}
