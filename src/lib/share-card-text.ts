import type { ActiveAppealData } from './appeal-schema.ts';
import type { AppealFacts } from './appeal-view.ts';
import type { SiteSettings } from './settings-schema.ts';
import type { ShareCardText } from './share-card.ts';

/** What an appeal's share card says, from the same facts as its page. */
export function shareCardText(appeal: { id: string; data: ActiveAppealData<unknown>; facts: AppealFacts }, settings: SiteSettings, site: string | URL): ShareCardText {
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
