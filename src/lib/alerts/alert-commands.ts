import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadSettings } from '../content/load-settings.ts';
import { regionName } from '../model/appeal-view.ts';
import { urgentAppealRegion } from './alert-appeal.ts';
import type { AlertsConfig } from './alerts-config.ts';
import { ALERTS_DB_FILE, openAlertsStore } from './alerts-store.ts';

/** A reason an alert cannot be sent, in the words the command prints. */
export class AlertRefused extends Error {}

/**
 * Checks that the appeal's page answers 200 on the live site: an alert must never link to a page
 * that is not there yet (or any more).
 */
export async function pageIsLive(siteAddress: string, id: string): Promise<boolean> {
  try {
    const answer = await fetch(new URL(`/appeals/${id}/`, siteAddress), {
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    await answer.arrayBuffer();
    return answer.status === 200;
  } catch {
    return false;
  }
}

/**
 * Whom an alert for urgent appeal `id` would reach, its region's name and subscribers, without
 * asking the live site (`sendAlert` does, before queuing); undefined for any other appeal.
 */
export function alertReach(
  config: AlertsConfig,
  id: string,
): { region: string; recipients: number } | undefined {
  const regionId = urgentAppealRegion(config.contentDir, id);
  if (!regionId) return undefined;
  const settings = loadSettings(config.contentDir).settings;
  const store = openAlertsStore(config.dataDir);
  try {
    return {
      region: settings ? regionName(settings, regionId) : regionId,
      recipients: store.countRecipients([regionId]),
    };
  } finally {
    store.close();
  }
}

/**
 * Queues the alert for an urgent appeal once its page is live: one email to each confirmed
 * subscriber of its region or of all of the UK. Without `confirmed`, only says how many it would
 * go to. The running service sends it.
 */
export async function sendAlert(
  config: AlertsConfig,
  id: string,
  confirmed: boolean,
  now = Date.now(),
): Promise<{ region: string; recipients: number; queued: number }> {
  const regionId = urgentAppealRegion(config.contentDir, id);
  if (!regionId)
    throw new AlertRefused(`Appeal ${id} is not an active appeal marked urgent: no alert is sent for it.`);
  const settings = loadSettings(config.contentDir).settings;
  const region = settings ? regionName(settings, regionId) : regionId;
  if (!(await pageIsLive(config.siteAddress, id)))
    throw new AlertRefused(
      `The page of appeal ${id} does not answer at ${new URL(`/appeals/${id}/`, config.siteAddress).href} yet. Publish it first (npm run republish), then send the alert.`,
    );
  const store = openAlertsStore(config.dataDir);
  try {
    const recipients = store.countRecipients([regionId]);
    const queued = confirmed ? store.enqueueAlert(id, [regionId], now) : 0;
    return { region, recipients, queued };
  } finally {
    store.close();
  }
}

/**
 * A closure recalls what it can, at once and before the takedown: every queued, unsent alert for
 * the appeal is cancelled, and every device its web push reached gets a replacing notification
 * (same tag and Topic) saying only that the appeal is no longer active. This only queues (one
 * transaction): the running service sends the recalls. Returns how many of each.
 */
export function recallAlerts(
  dataDir: string,
  id: string,
  now = Date.now(),
): { cancelled: number; recalls: number } {
  if (!existsSync(path.join(dataDir, ALERTS_DB_FILE))) return { cancelled: 0, recalls: 0 };
  const store = openAlertsStore(dataDir);
  try {
    return store.recallAlerts(id, now);
  } finally {
    store.close();
  }
}
