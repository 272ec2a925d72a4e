import type { AppContext } from '../../context.js';
import { findScores } from './quality.repository.js';

// The scores in other standards' words: CKAN `extras` (package_show, package_search).

/** Extras the site computes: shown, never written (a client sending them back is not refused). */
export const QUALITY_EXTRA_KEYS = [
  'quality_openness_stars',
  'quality_metadata_score',
  'quality_metadata_rating',
  'quality_scored_at',
] as const;

/** The quality extras of these datasets (those scored), by dataset id. */
export async function qualityExtras(
  ctx: AppContext,
  datasetIds: readonly string[],
): Promise<Map<string, { key: string; value: string }[]>> {
  const scores = await findScores(ctx.db.kysely, datasetIds);
  return new Map(
    scores.map((s) => [
      s.dataset_id,
      [
        { key: 'quality_openness_stars', value: String(s.stars) },
        { key: 'quality_metadata_score', value: String(s.total) },
        { key: 'quality_metadata_rating', value: s.rating },
        { key: 'quality_scored_at', value: s.computed_at },
      ],
    ]),
  );
}

/** A dataset's scores as DQV quality measurements take them (DCAT). */
export interface QualityMeasures {
  stars: number;
  total: number;
  dimensions: Record<
    'findability' | 'accessibility' | 'interoperability' | 'reusability' | 'contextuality',
    number
  >;
  computed_at: string;
}

export async function qualityMeasures(
  ctx: AppContext,
  datasetIds: readonly string[],
): Promise<Map<string, QualityMeasures>> {
  const scores = await findScores(ctx.db.kysely, datasetIds);
  return new Map(
    scores.map((s) => [
      s.dataset_id,
      {
        stars: s.stars,
        total: s.total,
        dimensions: {
          findability: s.findability,
          accessibility: s.accessibility,
          interoperability: s.interoperability,
          reusability: s.reusability,
          contextuality: s.contextuality,
        },
        computed_at: s.computed_at,
      },
    ]),
  );
}
