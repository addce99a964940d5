import { contentDirectory } from '../lib/content/content-location.ts';
import { loadSettings } from '../lib/content/load-settings.ts';
import { operatorEnv } from './operator-env.ts';
import type { SiteSettings } from '../lib/model/settings-schema.ts';

function load(): SiteSettings {
  const { settings, problems } = loadSettings(contentDirectory(operatorEnv));
  // The content-validation integration has already reported these in full.
  if (!settings) throw new Error(`Site settings are invalid: ${problems.map((p) => p.message).join('; ')}`);
  return settings;
}

export const siteSettings: SiteSettings = load();
