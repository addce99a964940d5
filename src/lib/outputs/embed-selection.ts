/**
 * What the embeddable widget shows: the newest active appeals, optionally for one region, up to a
 * limit. The page carries enough cards for any region and limit; the embed script picks from them
 * with `pickEmbedCards`, and without JavaScript the first `EMBED.defaultLimit` show.
 */
export const EMBED = { defaultLimit: 3, maxLimit: 10 } as const;

export interface EmbedParams {
  region?: string | undefined;
  limit: number;
}

/** Reads `?region=` and `?limit=`; an unknown region or a bad limit falls back to the defaults. */
export function parseEmbedParams(search: string, regionIds: readonly string[]): EmbedParams {
  const params = new URLSearchParams(search);
  const region = params.get('region') ?? undefined;
  const limit = Number.parseInt(params.get('limit') ?? '', 10);
  return {
    region: region && regionIds.includes(region) ? region : undefined,
    limit: Number.isFinite(limit) && limit >= 1 ? Math.min(limit, EMBED.maxLimit) : EMBED.defaultLimit,
  };
}

/** The ids to show, in page order. */
export function pickEmbedCards(
  cards: ReadonlyArray<{ id: string; region: string }>,
  params: EmbedParams,
): string[] {
  return cards
    .filter((c) => !params.region || c.region === params.region)
    .slice(0, params.limit)
    .map((c) => c.id);
}

/** The appeals the page must carry: the newest `maxLimit` overall and in each region, in the given (newest-first) order. */
export function embedCandidates<T extends { id: string; region: string }>(newestFirst: readonly T[]): T[] {
  const perRegion = new Map<string, number>();
  return newestFirst.filter((appeal, index) => {
    const inRegion = perRegion.get(appeal.region) ?? 0;
    perRegion.set(appeal.region, inRegion + 1);
    return index < EMBED.maxLimit || inRegion < EMBED.maxLimit;
  });
}
