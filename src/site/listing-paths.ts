import type { PaginateFunction } from 'astro';
import { loadAppeals } from './appeals.ts';
import { siteSettings } from './settings.ts';

/** Static paths of the listing of all appeals, shared by both languages' routes. */
export async function allAppealsPaths({ paginate }: { paginate: PaginateFunction }) {
  const { active } = await loadAppeals();
  return paginate(active, { pageSize: siteSettings.appealsPerPage });
}

/** Static listings by region: the way to find an appeal when search cannot run. Both languages. */
export async function regionPaths({ paginate }: { paginate: PaginateFunction }) {
  const { active } = await loadAppeals();
  return siteSettings.regions.flatMap((region) =>
    paginate(
      active.filter((a) => a.data.lastSeen.region === region.id),
      {
        pageSize: siteSettings.appealsPerPage,
        params: { region: region.id },
        props: { regionName: region.name },
      },
    ),
  );
}
