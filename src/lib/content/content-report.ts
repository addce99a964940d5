import type { ActiveAppealData, ClosedAppealData } from '../model/appeal-schema.ts';
import type { SiteSettings } from '../model/settings-schema.ts';
import type { ContentProblem } from './content-errors.ts';

/** An appeal that passed validation, active or closed, with its data as the schema gives it. */
export type LoadedAppeal =
  | { id: string; file: string; status: 'active'; data: ActiveAppealData; body: string }
  | { id: string; file: string; status: 'found' | 'withdrawn'; data: ClosedAppealData; body: string };

/** What validating the content found: the settings, the appeals that passed, and every problem and warning. */
export interface ContentReport {
  settings?: SiteSettings;
  appeals: LoadedAppeal[];
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/** The report's appeal ids, sorted, split into active and closed. */
export function idsByStatus(report: ContentReport): { activeIds: string[]; closedIds: string[] } {
  const ids = (active: boolean) =>
    report.appeals
      .filter((a) => (a.status === 'active') === active)
      .map((a) => a.id)
      .sort();
  return { activeIds: ids(true), closedIds: ids(false) };
}

/** Every name and other name of the active appeals in a report. */
export function activeNamesOf(report: ContentReport): string[] {
  return report.appeals.flatMap((a) => (a.status === 'active' ? [a.data.name, ...a.data.knownAs] : []));
}
