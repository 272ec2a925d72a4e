import type { AppContext } from '../../context.js';
import type { DatasetQuality, DatasetQualityPanel } from '../catalog/index.js';
import { DIMENSIONS } from './mqa.js';
import { scoreDatasets } from './quality-recompute.js';
import { findScore } from './quality.repository.js';
import { datasetQualityView, type DatasetQualityView } from './quality.view.js';

// The quality panel of a dataset's page (the catalogue's DatasetQuality port).

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function panelOf(q: DatasetQualityView): DatasetQualityPanel {
  return {
    stars: q.stars,
    scale: q.openness,
    total: q.metadata.total,
    max: q.metadata.max,
    rating: q.metadata.rating,
    dimensions: DIMENSIONS.map((d) => ({ name: capitalised(d), ...q.metadata.dimensions[d] })),
    fixes: q.checks.flatMap((c) =>
      c.reason && c.fix
        ? [{ indicator: c.indicator, reason: c.reason, fix: capitalised(c.fix) }]
        : [],
    ),
    broken_links: q.broken_links,
    unchecked_links: q.unchecked_links,
    computed_at: q.computed_at,
  };
}

export const qualityPanel: DatasetQuality = {
  async panel(ctx: AppContext, datasetId: string) {
    let score = await findScore(ctx.db.kysely, datasetId);
    if (!score) {
      // Not scored yet (just created): score it now, it is cheap for one dataset.
      await scoreDatasets(ctx, [datasetId]);
      score = await findScore(ctx.db.kysely, datasetId);
    }
    return score ? panelOf(datasetQualityView({ slug: '', title: '' }, score, new Date())) : null;
  },
};
