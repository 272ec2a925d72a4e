import type { AppContext } from '../../context.js';

/** A dataset's quality scores as its page shows them (stars, points per dimension, fixes). */
export interface DatasetQualityPanel {
  stars: number;
  scale: {
    stars: number;
    meaning: string;
    met: boolean;
    reason: string | null;
    fix: string | null;
  }[];
  total: number;
  max: number;
  rating: string;
  dimensions: { name: string; points: number; max: number }[];
  fixes: { indicator: string; reason: string; fix: string }[];
  broken_links: number;
  unchecked_links: number;
  computed_at: string;
}

/**
 * What the catalogue asks of the quality scores, which sit above it: the quality feature
 * implements this and app.ts hands it to the catalogue (as `provenance` is), so the dataset page
 * shows the scores without importing that feature. The page has already checked the reader may
 * see the dataset.
 */
export interface DatasetQuality {
  panel(ctx: AppContext, datasetId: string): Promise<DatasetQualityPanel | null>;
}

/** No quality feature: no panel. */
export const noQuality: DatasetQuality = { panel: () => Promise.resolve(null) };
