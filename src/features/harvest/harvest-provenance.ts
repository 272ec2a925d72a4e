import type { AppContext } from '../../context.js';
import type { DatasetProvenance, HarvestOrigin } from '../catalog/index.js';
import { originsOf } from './harvest-admin.repository.js';

// The harvest's answer to the catalogue's question "where did this dataset come from?"
// (catalog/dataset-provenance.ts; app.ts wires it).

/**
 * The fields of a dataset every harvest that finds it changed at the source writes (those of
 * `fields()` in harvest-store.ts, and the links), in the dataset form's words.
 */
export const HARVEST_OVERWRITES = [
  'title',
  'description',
  'licence',
  'tags',
  'source',
  'update frequency',
  'time covered',
  'contact',
  'links',
] as const;

export const harvestProvenance: DatasetProvenance = {
  async origins(ctx: AppContext, datasetIds: readonly string[]) {
    const rows = await originsOf(ctx.db.kysely, datasetIds);
    return new Map<string, HarvestOrigin>(
      rows.map((r) => [
        r.dataset_id,
        {
          source: { id: r.source_id, title: r.title, url: r.url },
          identifier: r.identifier,
          last_harvested_at: r.harvested_at,
        },
      ]),
    );
  },
  overwrites: HARVEST_OVERWRITES,
};
