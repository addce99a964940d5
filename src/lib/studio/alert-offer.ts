import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { pageIsLive } from '../alerts/alert-commands.ts';
import { alertSummary, urgentAppealRegion } from '../alerts/alert-appeal.ts';
import { type AlertsConfig, AlertsConfigError, alertsConfig } from '../alerts/alerts-config.ts';
import {
  ALERTS_DB_FILE,
  type AlertsStore,
  type DeliveryCount,
  openAlertsStore,
} from '../alerts/alerts-store.ts';
import type { OperatorEnv } from '../config/operator-env.ts';
import { appealDir } from '../content/appeal-folder.ts';
import { loadSettings } from '../content/load-settings.ts';
import { appendAudit } from '../lifecycle/audit-log.ts';
import { regionName } from '../model/appeal-view.ts';
import type { CalendarDate } from '../model/calendar-date.ts';
import { folderDigest } from '../publishing/content-scan.ts';
import { currentRelease, listReleases, readManifest } from '../publishing/releases.ts';
import { liveNow } from './notifications.ts';
import { listRevisions } from './revisions.ts';
import { can } from './roles.ts';
import type { Role } from './users.ts';

/**
 * The studio's offer to alert subscribers after an urgent appeal is published: how many people an
 * alert would reach, who may send it, and sending it once per version of the appeal. The alerts
 * service (src/lib/alerts/) sends what is queued here; this only counts and queues.
 */

/** The alerts service's configuration for the studio, or why there is none, in plain words. */
export type StudioAlerts = { config: AlertsConfig } | { problem: string };

/** Alerts are on only when the operator names their data folder (`ALERTS_DATA_DIR`), as the service reads it. */
export function studioAlerts(operator: OperatorEnv, projectRoot: string): StudioAlerts {
  if (!operator.alerts.dataDir)
    return {
      problem:
        'Alerts are not set up for this studio, so it cannot send them. Ask whoever runs the studio to set up alerts.',
    };
  try {
    return { config: alertsConfig(operator, projectRoot) };
  } catch (error) {
    if (!(error instanceof AlertsConfigError)) throw error;
    return {
      problem:
        'Alerts are not set up correctly, so the studio cannot send them. Ask whoever runs the studio to check the alerts settings.',
    };
  }
}

/** One sent alert per appeal version, kept in the studio's database (no child's details: ids, times, staff). */
const SCHEMA = `CREATE TABLE IF NOT EXISTS sent_alerts (
  appeal_id TEXT NOT NULL,
  version TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  sent_by TEXT NOT NULL,
  recipients INTEGER NOT NULL,
  PRIMARY KEY (appeal_id, version)
) STRICT`;

export interface SentAlert {
  at: number;
  by: string;
  recipients: number;
}

function sentAlert(db: DatabaseSync, id: string, version: string): SentAlert | undefined {
  db.exec(SCHEMA);
  const row = db
    .prepare('SELECT sent_at, sent_by, recipients FROM sent_alerts WHERE appeal_id = ? AND version = ?')
    .get(id, version) as { sent_at: number; sent_by: string; recipients: number } | undefined;
  return row && { at: Number(row.sent_at), by: row.sent_by, recipients: Number(row.recipients) };
}

/**
 * Why `user` may not send the alert, or undefined when they may. Only publishers send alerts, and
 * under the two-person rule not the person who last wrote or changed the appeal: a second
 * publisher checks it first, as for publishing.
 */
export function alertProblem(
  user: { email: string; role: Role },
  lastEditors: readonly string[],
  twoPersonRule: boolean,
): string | undefined {
  if (!can(user.role, 'publish')) return 'Only a publisher can send an alert.';
  if (twoPersonRule && lastEditors.includes(user.email))
    return 'You wrote or last changed this appeal, so another publisher must send the alert (the two-person rule).';
  return undefined;
}

/** Who wrote or changed the appeal's latest version in the studio (nobody, for one changed only in the files). */
function lastEditors(dataDir: string, id: string): string[] {
  return listRevisions(dataDir, id).at(-1)?.writtenBy ?? [];
}

export type AlertOffer =
  | { kind: 'not-urgent' }
  | {
      kind: 'ready';
      /** The appeal's region and all of the UK, as people chose them on the Get alerts page. */
      regions: string[];
      regionIds: string[];
      recipients: number;
      version: string;
      sent?: SentAlert | undefined;
    };

/** What the studio offers for appeal `id` as the content is now. */
export function alertOffer(config: AlertsConfig, db: DatabaseSync, id: string): AlertOffer {
  const regionId = urgentAppealRegion(config.contentDir, id);
  if (!regionId) return { kind: 'not-urgent' };
  const settings = loadSettings(config.contentDir).settings;
  const version = folderDigest(appealDir(config.contentDir, id));
  const store = openAlertsStore(config.dataDir);
  try {
    return {
      kind: 'ready',
      regions: [settings ? regionName(settings, regionId) : regionId, 'all of the UK'],
      regionIds: [regionId],
      recipients: store.countRecipients([regionId]),
      version,
      sent: sentAlert(db, id, version),
    };
  } finally {
    store.close();
  }
}

export type AlertSendOutcome =
  | { outcome: 'sent'; recipients: number; queued: number }
  | { outcome: 'already'; sent: SentAlert }
  | { outcome: 'refused'; message: string };

/**
 * Queues the alert for appeal `id` when `user` confirms: only for an urgent appeal whose page is
 * live, by a publisher the two-person rule allows, and once per version (`version` is the one the
 * person was shown: a changed appeal is shown again). The audit log records who sent it.
 */
export async function sendStudioAlert(input: {
  config: AlertsConfig;
  db: DatabaseSync;
  studioDataDir: string;
  auditLog: string;
  twoPersonRule: boolean;
  id: string;
  version: string;
  user: { email: string; role: Role };
  now?: number;
}): Promise<AlertSendOutcome> {
  const { config, db, id, user } = input;
  const now = input.now ?? Date.now();
  const offer = alertOffer(config, db, id);
  if (offer.kind !== 'ready')
    return { outcome: 'refused', message: 'This appeal is not marked urgent, so no alert is sent for it.' };
  if (offer.sent) return { outcome: 'already', sent: offer.sent };
  if (offer.version !== input.version)
    return {
      outcome: 'refused',
      message: 'The appeal changed since you opened this page. Nothing was sent: check it again.',
    };
  const problem = alertProblem(user, lastEditors(input.studioDataDir, id), input.twoPersonRule);
  if (problem) return { outcome: 'refused', message: problem };
  if (!(await pageIsLive(config.siteAddress, id)))
    return {
      outcome: 'refused',
      message:
        'The appeal’s page is not on the public site yet. Nothing was sent: publish the appeal first, then send the alert.',
    };
  db.exec(SCHEMA);
  // The row first: of two people confirming at once, only one queues the alert.
  const claimed = db
    .prepare(
      'INSERT OR IGNORE INTO sent_alerts (appeal_id, version, sent_at, sent_by, recipients) VALUES (?, ?, ?, ?, ?)',
    )
    .run(id, offer.version, now, user.email, offer.recipients);
  if (Number(claimed.changes) === 0) return { outcome: 'already', sent: sentAlert(db, id, offer.version)! };
  const store = openAlertsStore(config.dataDir);
  let queued: number;
  try {
    queued = store.enqueueAlert(id, offer.regionIds, now);
  } catch (error) {
    db.prepare('DELETE FROM sent_alerts WHERE appeal_id = ? AND version = ?').run(id, offer.version);
    throw error;
  } finally {
    store.close();
  }
  appendAudit(input.auditLog, { time: new Date(now).toISOString(), id, action: 'alert', by: user.email });
  return { outcome: 'sent', recipients: offer.recipients, queued };
}

/** Reads the alerts store if there is one: the studio never creates it just to look. */
function readStore<T>(dataDir: string, none: T, read: (store: AlertsStore) => T): T {
  if (!existsSync(path.join(dataDir, ALERTS_DB_FILE))) return none;
  const store = openAlertsStore(dataDir);
  try {
    return read(store);
  } finally {
    store.close();
  }
}

/** What happened to appeal `id`'s alerts and recalls, counts only (none without a store). */
export function appealDeliveryCounts(alertsDataDir: string, id: string): DeliveryCount[] {
  return readStore(alertsDataDir, [], (store) => store.deliveryCounts(id));
}

/** Subscribers per region id and "all", per channel (counts only). */
export function subscriberCountsNow(alertsDataDir: string): Record<string, { email: number; push: number }> {
  return readStore(alertsDataDir, {}, (store) => store.subscriberCounts());
}

/** True once any alert was sent for appeal `id`, whichever version. */
function everAlerted(db: DatabaseSync, id: string): boolean {
  db.exec(SCHEMA);
  return db.prepare('SELECT 1 FROM sent_alerts WHERE appeal_id = ? LIMIT 1').get(id) !== undefined;
}

/**
 * The urgent appeals the live site shows as they are now that have never had an alert: what the
 * studio offers to alert after a publish from the dashboard. Their names, for staff only.
 */
export function appealsAwaitingAlert(
  folders: { deployDir: string; contentDir: string; dataDir: string },
  db: DatabaseSync,
  today: CalendarDate,
): Array<{ id: string; name: string }> {
  const release = currentRelease(folders.deployDir);
  if (!release || !listReleases(folders.deployDir).includes(release)) return [];
  const isLive = liveNow(folders);
  return readManifest(folders.deployDir, release)
    .activeIds.filter((id) => isLive(id) && !everAlerted(db, id))
    .flatMap((id) => {
      const summary = alertSummary(folders.contentDir, id, today);
      return summary ? [{ id, name: summary.name }] : [];
    });
}
