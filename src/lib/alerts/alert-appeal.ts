import { readFileSync } from 'node:fs';
import { appealDir, appealFileIn } from '../content/appeal-folder.ts';
import { photoFileName } from '../content/appeal-photos.ts';
import { parseMarkdownFile } from '../content/frontmatter.ts';
import { loadSettings } from '../content/load-settings.ts';
import { activeAppealSchema } from '../model/appeal-schema.ts';
import { appealFacts } from '../model/appeal-view.ts';
import type { CalendarDate } from '../model/calendar-date.ts';
import type { Locale } from '../i18n/locales.ts';
import type { AlertSummary } from './alert-email.ts';

const activeSchema = activeAppealSchema(photoFileName);

/**
 * What an alert about `id` says, read from the content as it is at the moment of sending; nothing
 * when the appeal is no longer an active, urgent appeal (closed, or no longer urgent), so a queued
 * alert is never sent for it. Read each time and kept only in memory. In `locale`: dates, ages and
 * what to do in Welsh for a Welsh subscriber, the appeal's own words as written.
 */
export function alertSummary(
  contentDir: string,
  id: string,
  today: CalendarDate,
  locale: Locale = 'en',
): AlertSummary | undefined {
  let source: string;
  try {
    source = readFileSync(appealFileIn(appealDir(contentDir, id)), 'utf8');
  } catch {
    return undefined;
  }
  const { settings } = loadSettings(contentDir);
  if (!settings) return undefined;
  let data: unknown;
  try {
    data = parseMarkdownFile(source).data;
  } catch {
    return undefined;
  }
  const parsed = activeSchema.safeParse(data);
  if (!parsed.success || parsed.data.status !== 'active' || !parsed.data.urgent) return undefined;
  const appeal = parsed.data;
  const facts = appealFacts(appeal, settings, today, locale);
  return {
    appealId: id,
    name: appeal.name,
    age: facts.ageNow,
    lastSeen: facts.lastSeen,
    missingSince: facts.missingSince,
    regionName: facts.regionName,
    seeNow: facts.seeNow,
    haveInformation: facts.haveInformation,
  };
}

/** The region an urgent, active appeal was last seen in; undefined for any other appeal. */
export function urgentAppealRegion(contentDir: string, id: string): string | undefined {
  try {
    const { data } = parseMarkdownFile(readFileSync(appealFileIn(appealDir(contentDir, id)), 'utf8'));
    const parsed = activeSchema.safeParse(data);
    return parsed.success && parsed.data.status === 'active' && parsed.data.urgent
      ? parsed.data.lastSeen.region
      : undefined;
  } catch {
    return undefined;
  }
}
