import type { AppContext } from '../../context.js';
import type { Dataset, Resource } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type Actor, can } from '../accounts/index.js';
import { loadDatasetLists } from './dataset.repository.js';
import {
  findDatasetBySlugOrId,
  findDatasetsByIds,
  findPublishersByIds,
  listResourcesOfDatasets,
  type Publisher,
} from './dataset-records.repository.js';
import { themeTitles } from './taxonomy.repository.js';

/** A dataset in full, as stored: for translations into other standards' words (CKAN's). */
export interface DatasetRecord {
  dataset: Dataset;
  organisation: Publisher;
  tags: string[];
  themes: { slug: string; title: string }[];
  resources: Resource[];
}

/**
 * These datasets in full, in the order given, leaving out any the actor may not read (so a
 * caller that passes ids it found elsewhere still shows nothing the policy hides).
 */
export async function readableDatasetRecords(
  ctx: AppContext,
  actor: Actor,
  ids: string[],
): Promise<DatasetRecord[]> {
  const k = ctx.db.kysely;
  const rows = (await findDatasetsByIds(k, ids)).filter((d) =>
    can(actor, { type: 'dataset:read', dataset: d }),
  );
  const readable = rows.map((d) => d.id);
  const [publishers, lists, resources, titles] = await Promise.all([
    findPublishersByIds(k, [...new Set(rows.map((d) => d.organisation_id))]),
    loadDatasetLists(k, readable),
    listResourcesOfDatasets(k, readable),
    themeTitles(k),
  ]);
  const byId = new Map(rows.map((d) => [d.id, d]));
  const publisherOf = new Map(publishers.map((o) => [o.id, o]));
  const resourcesOf = new Map<string, Resource[]>();
  for (const r of resources) {
    const list = resourcesOf.get(r.dataset_id) ?? [];
    list.push(r);
    resourcesOf.set(r.dataset_id, list);
  }
  return ids.flatMap((id) => {
    const dataset = byId.get(id);
    const organisation = dataset && publisherOf.get(dataset.organisation_id);
    if (!dataset || !organisation) return [];
    const l = lists.get(id);
    return [
      {
        dataset,
        organisation,
        tags: l?.tags ?? [],
        themes: (l?.themes ?? []).map((slug) => ({ slug, title: titles.get(slug) ?? slug })),
        resources: resourcesOf.get(id) ?? [],
      },
    ];
  });
}

/** One dataset by its slug or its id, in full, or 404 when the actor may not read it. */
export async function readableDatasetRecord(
  ctx: AppContext,
  actor: Actor,
  slugOrId: string,
): Promise<DatasetRecord> {
  const found = await findDatasetBySlugOrId(ctx.db.kysely, slugOrId);
  const [record] = found ? await readableDatasetRecords(ctx, actor, [found.id]) : [];
  if (!record) throw notFound(`Dataset ${slugOrId}`);
  return record;
}
