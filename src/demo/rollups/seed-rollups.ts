import type { AppContext } from '../../context.js';
import type { Actor } from '../../features/accounts/index.js';
import { datasetExists, getDataset } from '../../features/catalog/index.js';
import { addRollupMember, createRollup, rebuildRollup } from '../../features/rollups/index.js';
import { PUBLIC_TOILET_DATASETS } from '../datasets/datasets-public-toilets.js';
import { PUBLIC_TOILETS_SCHEMA } from './public-toilets-schema.js';

export const TOILETS_ROLLUP = 'public-toilets-across-the-region';

/**
 * The roll-up "Public toilets across the region" over the councils' demo toilets datasets,
 * built now (the seed does not wait for the job runner). Returns whether it created it (and
 * so its dataset, resource and load).
 */
export async function seedRollups(ctx: AppContext, actor: Actor): Promise<boolean> {
  if (await datasetExists(ctx, TOILETS_ROLLUP)) return false;
  const rollup = await createRollup(ctx, actor, {
    slug: TOILETS_ROLLUP,
    title: 'Public toilets across the region',
    description:
      'SYNTHETIC demo data: the councils’ public toilets, combined from their own datasets, ' +
      'so they can be compared borough by borough.',
    organisation: 'gmca',
    schema: PUBLIC_TOILETS_SCHEMA,
    themes: ['community-safety'],
    contact: { name: 'GMCA Research team', email: 'research@gmca.example' },
    spatialCoverage: 'Greater Manchester, by borough',
  });
  for (const d of PUBLIC_TOILET_DATASETS) {
    const dataset = await getDataset(ctx, actor, d.meta.slug);
    const resource = dataset.resources[0];
    if (resource) await addRollupMember(ctx, actor, TOILETS_ROLLUP, resource.id);
  }
  await rebuildRollup(ctx, rollup.id);
  return true;
}
