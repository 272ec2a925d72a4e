import type { AppContext } from '../../context.js';

/** Where a harvested dataset came from, as its page and the API show it. */
export interface HarvestOrigin {
  source: { id: string; title: string; url: string };
  /** The dataset's identifier at the source. */
  identifier: string;
  last_harvested_at: string;
}

/**
 * What the catalogue asks of the harvest, which sits above it: the harvest implements this and
 * app.ts hands it to the catalogue (as ResourceData in resource-data.ts), so the catalogue can
 * say where a dataset came from without importing the harvest.
 */
export interface DatasetProvenance {
  /** The origins of those of these datasets that were harvested (the others are absent). */
  origins(ctx: AppContext, datasetIds: readonly string[]): Promise<Map<string, HarvestOrigin>>;
  /** The fields a harvest overwrites, in the edit form's words ("title", "licence", …). */
  overwrites: readonly string[];
}

/** No harvest: no dataset was harvested. */
export const noProvenance: DatasetProvenance = {
  origins: () => Promise.resolve(new Map()),
  overwrites: [],
};

/** The origin of one dataset, or null. */
export async function originOf(
  ctx: AppContext,
  provenance: DatasetProvenance,
  datasetId: string,
): Promise<HarvestOrigin | null> {
  return (await provenance.origins(ctx, [datasetId])).get(datasetId) ?? null;
}
