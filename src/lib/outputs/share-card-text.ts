import type { ActiveAppealData } from '../model/appeal-schema.ts';
import type { AppealFacts } from '../model/appeal-view.ts';
import type { SiteSettings } from '../model/settings-schema.ts';

/** What a share card says: enough to recognise the child and know whom to call, nothing more. */
export interface ShareCardText {
  name: string;
  /** "Age 14 now · Missing since 3 March 2026" */
  facts: string;
  /** "Last seen: Market Street, Leeds, Yorkshire and the Humber" */
  lastSeen: string;
  /** "See them now? Call 999" */
  seeNow: string;
  /** "Information? Call 101 quoting DEMO-1234, or 116 000" */
  information: string;
  /** The appeal's address without the scheme, e.g. "appeals.example.org/appeals/2026-0101/" */
  address: string;
  /** Demonstration sites label every card so a fictional appeal is never mistaken for a real one. */
  demonstration: boolean;
}

/** What an appeal's share card says, from the same facts as its page. */
export function shareCardText(
  appeal: { id: string; data: ActiveAppealData<unknown>; facts: AppealFacts },
  settings: SiteSettings,
  site: string | URL,
): ShareCardText {
  const { data, facts } = appeal;
  const { phones } = settings;
  const url = new URL(`/appeals/${appeal.id}/`, site);
  return {
    name: data.name,
    facts: `Age ${facts.ageNow} now · Missing since ${facts.missingSince}`,
    lastSeen: `Last seen: ${facts.lastSeen}`,
    seeNow: `See this child now? Call ${phones.emergency}`,
    information: `Information? Call ${phones.police} quoting ${data.force.reference}, or ${phones.helpline}`,
    address: `${url.host}${url.pathname}`,
    demonstration: settings.demoContent,
  };
}
