// `npm run republish -- --alert`: after a publish, the urgent appeals it just put live are offered
// for an alert (without --alert) or their alert is queued (with it), as `npm run alerts -- send` does.
import { existsSync } from 'node:fs';
import { AlertRefused, alertReach, sendAlert } from '../../src/lib/alerts/alert-commands.ts';
import { AlertsConfigError, alertsConfig } from '../../src/lib/alerts/alerts-config.ts';
import type { RepublishSummary } from '../../src/lib/publishing/republish.ts';
import type { PublishingContext } from './publishing-context.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * For each urgent appeal the publish added (new or reopened) or changed: says how many subscribers
 * its alert would reach and the command that sends it, or, with `confirmed`, queues it once its page
 * answers on the live site. Says nothing without --alert when alerts are not set up (no data folder).
 * Returns false when an alert asked for was not queued.
 */
export async function alertsAfterPublish(
  context: PublishingContext,
  summary: RepublishSummary,
  confirmed: boolean,
): Promise<boolean> {
  let config;
  try {
    config = alertsConfig(context.operator, context.projectRoot);
  } catch (error) {
    if (!(error instanceof AlertsConfigError) || !confirmed) return !confirmed;
    console.error(`No alert was sent: ${error.message}`);
    return false;
  }
  if (!existsSync(config.dataDir)) {
    if (!confirmed) return true;
    console.error(
      `No alert was sent: the alerts service has no data folder at ${config.dataDir} (start npm run alerts once, or set ALERTS_DATA_DIR).`,
    );
    return false;
  }
  const published = [...new Set([...summary.change.added, ...summary.change.edited])];
  const urgent = published.flatMap((id) => {
    const reach = alertReach(config, id);
    return reach ? [{ id, ...reach }] : [];
  });
  if (confirmed && urgent.length === 0)
    console.log('This publish put no urgent appeal live: no alert was sent.');
  let ok = true;
  for (const { id, region, recipients } of urgent) {
    if (!confirmed) {
      console.log(
        `Appeal ${id} is urgent: an alert would go to ${plural(recipients, 'subscriber')} in ${region}. To send it: npm run alerts -- send ${id} --alert`,
      );
      continue;
    }
    try {
      const sent = await sendAlert(config, id, true);
      console.log(
        `Queued the alert for appeal ${id}: ${plural(sent.queued, 'email')} to ${plural(sent.recipients, 'subscriber')} in ${sent.region} (any already sent are not sent again). The running alerts service sends them.`,
      );
    } catch (error) {
      if (!(error instanceof AlertRefused)) throw error;
      console.error(`No alert for appeal ${id}: ${error.message}`);
      ok = false;
    }
  }
  return ok;
}
