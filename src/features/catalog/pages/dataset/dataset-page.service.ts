import type { AppContext } from '../../../../context.js';
import type { Actor } from '../../../accounts/index.js';
import { datasetActivity } from '../../activity.service.js';
import { getDataset } from '../../dataset.service.js';
import type { ResourceData } from '../../resource-data.js';
import { recordDatasetView } from '../../site.service.js';

const HISTORY_LENGTH = 20;

/**
 * What the dataset page shows, read through the same services as the API (so a dataset the
 * visitor may not read is a 404 here too), with each resource's latest datastore version.
 */
export async function datasetPageData(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  data: ResourceData,
) {
  // The history does not depend on the dataset's row, so it is read alongside; both check the
  // policy, and either refusal is the same 404.
  const [dataset, history] = await Promise.all([
    getDataset(ctx, actor, slug),
    datasetActivity(ctx, actor, slug, { per_page: HISTORY_LENGTH }),
  ]);
  const [summaries] = await Promise.all([
    data.summaries(
      ctx,
      dataset.resources.map((r) => r.id),
    ),
    recordDatasetView(ctx, dataset.id),
  ]);
  const resources = dataset.resources.map((r) => {
    const s = summaries.get(r.id);
    return {
      ...r,
      datastore:
        s && s.version !== null
          ? { version: s.version, rows: s.rows ?? 0, fields: s.fields }
          : null,
    };
  });
  return { dataset: { ...dataset, resources }, history: history.results };
}

export type DatasetPageData = Awaited<ReturnType<typeof datasetPageData>>;
