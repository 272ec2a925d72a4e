import type { AppContext } from '../../../../context.js';
import type { Actor } from '../../../accounts/actor.js';
import { findVersion } from '../../../datastore/datastore.repository.js';
import { datasetActivity } from '../../activity.service.js';
import { getDataset } from '../../dataset.service.js';
import { recordDatasetView } from '../../site.service.js';

const HISTORY_LENGTH = 20;

/**
 * What the dataset page shows, read through the same services as the API (so a dataset the
 * visitor may not read is a 404 here too), with each resource's latest datastore version.
 */
export async function datasetPageData(ctx: AppContext, actor: Actor, slug: string) {
  // The history does not depend on the dataset's row, so it is read alongside; both check the
  // policy, and either refusal is the same 404.
  const [dataset, history] = await Promise.all([
    getDataset(ctx, actor, slug),
    datasetActivity(ctx, actor, slug, HISTORY_LENGTH, null),
  ]);
  const [versions] = await Promise.all([
    Promise.all(dataset.resources.map((r) => findVersion(ctx.db.kysely, r.id, null))),
    recordDatasetView(ctx, dataset.id),
  ]);
  const resources = dataset.resources.map((r, i) => {
    const v = versions[i];
    return {
      ...r,
      datastore: v
        ? {
            version: v.version,
            rows: v.row_count,
            fields: (JSON.parse(v.fields) as { name: string }[]).map((f) => f.name),
          }
        : null,
    };
  });
  return { dataset: { ...dataset, resources }, history: history.results };
}

export type DatasetPageData = Awaited<ReturnType<typeof datasetPageData>>;
