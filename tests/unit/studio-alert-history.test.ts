// What the studio shows of alerts (issue 21): the email preview is the sent email word for word
// (bar each person's own link to stop alerts), an appeal's history is shaped from the audit log
// and the store's counts, and the subscriber table names every region and counts only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertEmail, alertEmailPreview, type AlertSummary } from '../../src/lib/alerts/alert-email.ts';
import type { AuditEntry } from '../../src/lib/lifecycle/audit-log.ts';
import { alertAuditEntries, alertHistory, subscriberRows } from '../../src/lib/studio/alert-history.ts';

const summary: AlertSummary = {
  appealId: '2026-0101',
  name: 'Fictional <Childname>',
  age: '14',
  lastSeen: 'Park Road, Oldtown, North West',
  missingSince: '1 May 2026',
  regionName: 'North West',
  seeNow: 'If you see Fictional Childname now, call 999.',
  haveInformation: 'If you have information, call 101.',
};
const SITE = 'https://appeals.example.org/';

describe('the alert email preview', () => {
  it('is the email each subscriber gets, with "…" for their own link to stop alerts', () => {
    const token = 'T'.repeat(43);
    const sent = alertEmail({
      to: 'a@b.org',
      summary,
      siteAddress: SITE,
      unsubscribeToken: token,
      idempotencyKey: 'k',
    });
    const preview = alertEmailPreview(summary, SITE);
    expect(preview.subject).toBe(sent.subject);
    expect(preview.text).toBe(sent.text.replace(token, '…'));
    expect(preview.html).toBe(sent.html.replace(token, '…'));
    expect(preview.text).toContain('https://appeals.example.org/alerts/unsubscribe?token=…');
    // Escaped as the sent HTML is: the preview is shown in a frame, never as the page's own markup.
    expect(preview.html).toContain('Fictional &#60;Childname&#62;');
  });
});

const entry = (action: AuditEntry['action'], time: string, by: string): AuditEntry => ({
  time,
  id: '2026-0101',
  action,
  by,
});

describe('an appeal’s alert history', () => {
  it('is nothing for an appeal never alerted', () => {
    expect(alertHistory([entry('approve', '2026-05-01T10:00:00Z', 'a@x.org')], [])).toBeUndefined();
  });

  it('says who sent and who recalled it, with the counts per channel in staff’s terms', () => {
    const history = alertHistory(
      [
        entry('alert', '2026-05-01T10:00:00Z', 'cass@x.org'),
        entry('found', '2026-05-01T12:00:00Z', 'pia@x.org'),
        entry('alert-recall', '2026-05-01T12:00:01Z', 'pia@x.org'),
      ],
      [
        { channel: 'email', kind: 'alert', status: 'sent', count: 5 },
        { channel: 'email', kind: 'alert', status: 'queued', count: 1 },
        { channel: 'email', kind: 'alert', status: 'sending', count: 2 },
        { channel: 'email', kind: 'alert', status: 'failed', count: 1 },
        { channel: 'email', kind: 'alert', status: 'cancelled', count: 3 },
        { channel: 'push', kind: 'alert', status: 'sent', count: 4 },
        { channel: 'push', kind: 'recall', status: 'sent', count: 3 },
        { channel: 'push', kind: 'recall', status: 'queued', count: 1 },
      ],
    );
    expect(history).toEqual({
      sends: [{ at: '2026-05-01T10:00:00Z', by: 'cass@x.org' }],
      email: { sent: 5, waiting: 3, failed: 1, cancelled: 3 },
      push: { sent: 4, waiting: 0, failed: 0, cancelled: 0 },
      recallNotices: { sent: 3, waiting: 1, failed: 0, cancelled: 0 },
      recalls: [{ at: '2026-05-01T12:00:01Z', by: 'pia@x.org', closure: 'found' }],
    });
  });

  it('ties each recall to the closure before it, not one undone by a reopening', () => {
    const history = alertHistory(
      [
        entry('alert', '2026-05-01T10:00:00Z', 'cass@x.org'),
        entry('withdraw', '2026-05-02T10:00:00Z', 'pia@x.org'),
        entry('reopen', '2026-05-03T10:00:00Z', 'pia@x.org'),
        entry('alert-recall', '2026-05-04T10:00:00Z', 'ann@x.org'),
      ],
      [],
    );
    expect(history?.recalls).toEqual([{ at: '2026-05-04T10:00:00Z', by: 'ann@x.org', closure: undefined }]);
  });

  it('reads only the appeal’s alert and closure lines from the log, skipping a torn one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alert-history-'));
    try {
      const file = path.join(dir, 'audit.jsonl');
      writeFileSync(
        file,
        [
          JSON.stringify(entry('alert', '2026-05-01T10:00:00Z', 'cass@x.org')),
          JSON.stringify({ ...entry('alert', '2026-05-01T10:00:00Z', 'other@x.org'), id: '2026-0102' }),
          JSON.stringify(entry('approve', '2026-05-01T09:00:00Z', 'cass@x.org')),
          JSON.stringify({ ...entry('found', '2026-05-01T12:00:00Z', 'pia@x.org'), reason: 'x' }),
          '{"time":"2026-05-01T12:',
        ].join('\n'),
      );
      expect(alertAuditEntries(file, '2026-0101')).toEqual([
        entry('alert', '2026-05-01T10:00:00Z', 'cass@x.org'),
        entry('found', '2026-05-01T12:00:00Z', 'pia@x.org'),
      ]);
      expect(alertAuditEntries(path.join(dir, 'none.jsonl'), '2026-0101')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the subscriber table', () => {
  const regions = [
    { id: 'london', name: 'London' },
    { id: 'north-west', name: 'North West' },
  ];

  it('lists every region in the settings’ order, then all of the UK, with 0 where nobody subscribed', () => {
    expect(
      subscriberRows(regions, { 'north-west': { email: 2, push: 1 }, all: { email: 1, push: 0 } }, 'all'),
    ).toEqual([
      { name: 'London', email: 0, push: 0 },
      { name: 'North West', email: 2, push: 1 },
      { name: 'All of the UK', email: 1, push: 0 },
    ]);
  });

  it('adds up regions no longer in the settings in one row, never naming them by id', () => {
    const rows = subscriberRows(
      regions,
      { wales: { email: 2, push: 0 }, 'old-x': { email: 1, push: 4 } },
      'all',
    );
    expect(rows.at(-1)).toEqual({ name: 'Regions no longer offered', email: 3, push: 4 });
    expect(JSON.stringify(rows)).not.toMatch(/wales|old-x/);
  });
});
