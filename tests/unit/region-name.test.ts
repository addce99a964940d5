// A region's name by the page's language: the settings' optional Welsh name on Welsh pages.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertSummary } from '../../src/lib/alerts/alert-appeal.ts';
import { alertEmail } from '../../src/lib/alerts/alert-email.ts';
import { pushAlert } from '../../src/lib/alerts/push-message.ts';
import { regionLabel, regionName } from '../../src/lib/model/appeal-view.ts';
import { settingsSchema } from '../../src/lib/model/settings-schema.ts';

const settings = settingsSchema.parse({
  organisation: { name: 'Example', email: 'a@example.org' },
  phones: { emergency: '999', police: '101', helpline: '116 000', helplineName: 'Missing People' },
  regions: [
    { id: 'north-west', name: 'North West', welshName: 'Gogledd-orllewin Lloegr' },
    { id: 'london', name: 'London' },
  ],
  baseUrl: 'https://appeals.example.org',
});

describe('regionName', () => {
  it('gives the Welsh name on Welsh pages and the English one on English pages', () => {
    expect(regionName(settings, 'north-west', 'cy')).toBe('Gogledd-orllewin Lloegr');
    expect(regionName(settings, 'north-west', 'en')).toBe('North West');
    expect(regionName(settings, 'north-west')).toBe('North West');
  });

  it('falls back to the English name where the settings give no Welsh one, and to the id for an unknown region', () => {
    expect(regionName(settings, 'london', 'cy')).toBe('London');
    expect(regionName(settings, 'atlantis', 'cy')).toBe('atlantis');
  });

  it('marks the English fallback as English on a Welsh page only', () => {
    const [northWest, london] = settings.regions;
    expect(regionLabel(northWest!, 'cy')).toEqual({ name: 'Gogledd-orllewin Lloegr', lang: undefined });
    expect(regionLabel(london!, 'cy')).toEqual({ name: 'London', lang: 'en' });
    expect(regionLabel(london!, 'en')).toEqual({ name: 'London', lang: undefined });
  });

  it('rejects an empty Welsh name in the settings', () => {
    const result = settingsSchema.safeParse({
      ...settings,
      regions: [{ id: 'wales', name: 'Wales', welshName: ' ' }],
    });
    expect(result.success).toBe(false);
  });
});

describe('alerts about an appeal in a region with a Welsh name', () => {
  // The fixture's settings give North West, where urgent appeal 2026-0101 was last seen, a Welsh name.
  const fixture = path.resolve(import.meta.dirname, '../fixtures/basic');
  const today = { year: 2026, month: 11, day: 30 };
  const email = (locale: 'en' | 'cy') =>
    alertEmail({
      to: 'a@b.org',
      summary: alertSummary(fixture, '2026-0101', today, locale)!,
      siteAddress: 'https://appeals.example.org/',
      unsubscribeToken: 'T'.repeat(43),
      idempotencyKey: 'alert:2026-0101:1',
      locale,
    });

  it('names the region in Welsh in a Welsh email and push, in English in an English one', () => {
    expect(email('cy').subject).toContain('Gogledd-orllewin Lloegr');
    expect(email('cy').text).toContain('Gogledd-orllewin Lloegr');
    expect(email('en').subject).toBe('Urgent appeal: North West');
    const push = pushAlert(
      alertSummary(fixture, '2026-0101', today, 'cy')!,
      'https://appeals.example.org/',
      'cy',
    );
    expect(push.title).toContain('Gogledd-orllewin Lloegr');
  });
});
