import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { activeAppealSchema } from '../../src/lib/model/appeal-schema.ts';
import { appealFacts } from '../../src/lib/model/appeal-view.ts';
import { searchFacts } from '../../src/lib/search/search-facets.ts';
import { settingsSchema } from '../../src/lib/model/settings-schema.ts';
import { z } from 'zod';
import { buildDemoAppeals } from './demo/build-appeals.ts';
import { DEMO_SETTINGS } from './demo/settings.ts';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Writes N synthetic appeal pages with the same indexed markup as src/pages/appeals/[id]/index.astro
 * (the data-pagefind-body article, its ignored parts and the SearchRecord block), from fictional
 * demo appeals checked against the real schema. It lets the search benchmark index 10,000 appeals
 * without encoding 10,000 photos; the words, filters, sorts and metadata are the real ones.
 */
export function writeSyntheticAppealPages(
  outDir: string,
  count: number,
  today = { year: 2026, month: 11, day: 29 },
): { names: string[] } {
  const settings = settingsSchema.parse(DEMO_SETTINGS);
  const schema = activeAppealSchema(z.string());
  const names: string[] = [];
  const batches = Math.ceil(count / 9000);
  for (let batch = 0; batch < batches; batch++) {
    const size = Math.min(9000, count - batch * 9000);
    for (const demo of buildDemoAppeals(size, 1000 + batch)) {
      const data = schema.parse(demo.data);
      const id = `${2026 - batch}-${demo.id.slice(5)}`;
      const facts = appealFacts(data, settings, today);
      const record = searchFacts({
        name: data.name,
        sex: data.sex,
        regionName: facts.regionName,
        forceName: data.force.name,
        missingSince: data.missingSince,
        ageNow: facts.ageNowYears,
        ageNowText: facts.ageNow,
        missingSinceText: facts.missingSince,
        lastSeenText: `${data.lastSeen.town}, ${facts.regionName}`,
        ageBands: settings.ageBands,
      });
      names.push(data.name);
      const hidden = [
        ...Object.entries(record.filters).map(
          ([k, v]) => `<span data-pagefind-filter="${k}">${escape(v)}</span>`,
        ),
        ...Object.entries(record.sort).map(([k, v]) => `<span data-pagefind-sort="${k}">${escape(v)}</span>`),
        ...Object.entries(record.meta).map(([k, v]) => `<span data-pagefind-meta="${k}">${escape(v)}</span>`),
        `<span data-pagefind-meta="image:/_astro/photo-1.${id}_thumb.webp"></span>`,
      ].join('');
      const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Missing: ${escape(data.name)}</title></head><body>
<header>Site header and search box</header><main><article class="appeal" data-pagefind-body><div hidden data-pagefind-ignore>${hidden}</div>
<p data-pagefind-ignore>Missing child</p><h1 id="appeal-name">${escape(data.name)}</h1>
${data.knownAs.length ? `<p>Also known as ${escape(data.knownAs.join(', '))}</p>` : ''}
<dl class="facts"><div data-pagefind-ignore><dt>Age now</dt><dd>${facts.ageNow}</dd></div><div data-pagefind-ignore><dt>Missing since</dt><dd>${facts.missingSince}</dd></div>
<div><dt data-pagefind-ignore>Last seen</dt><dd>${escape(facts.lastSeen)}</dd></div></dl>
<section data-pagefind-ignore><h2>What to do</h2><p>${escape(facts.seeNow)}</p><p>${escape(facts.haveInformation)}</p></section>
<dl>${facts.description.map((d) => `<div><dt data-pagefind-ignore>${d.label}</dt><dd>${escape(d.value)}</dd></div>`).join('')}</dl>
<section><h2 data-pagefind-ignore>Circumstances</h2>${demo.body
        .split(/\n\n+/)
        .map((p) => `<p>${escape(p.trim())}</p>`)
        .join('')}</section>
<section data-pagefind-ignore><h2>Police</h2><p>${escape(data.force.name)} ${escape(data.force.reference)}</p></section>
</article></main><footer>Site footer</footer></body></html>`;
      const dir = path.join(outDir, 'appeals', id);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'index.html'), html);
    }
  }
  return { names };
}
