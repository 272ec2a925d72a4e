import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { ReadableScope } from '../accounts/index.js';
import { visibleDatasets } from './dataset.repository.js';

/** One more view of a dataset's page: a primary-key upsert of a two-column row. */
export async function incrementDatasetViews(db: Kysely<Database>, datasetId: string) {
  await db
    .insertInto('dataset_views')
    .values({ dataset_id: datasetId, views: 1 })
    .onConflict((oc) =>
      oc.column('dataset_id').doUpdateSet({ views: sql<number>`dataset_views.views + 1` }),
    )
    .execute();
}

/** The most viewed datasets the scope can read, with their organisation. */
export function mostViewedDatasets(db: Kysely<Database>, scope: ReadableScope, limit: number) {
  return visibleDatasets(db, scope)
    .innerJoin('dataset_views as v', 'v.dataset_id', 'd.id')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .select(['d.slug', 'd.title', 'd.modified_at', 'o.slug as org_slug', 'o.name as org_name'])
    .select('v.views')
    .where('v.views', '>', 0)
    .orderBy('v.views', 'desc')
    .orderBy('d.title')
    .limit(limit)
    .execute();
}

/** The newest datasets (by creation) the scope can read, with their organisation. */
export function newestDatasets(db: Kysely<Database>, scope: ReadableScope, limit: number) {
  return visibleDatasets(db, scope)
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .select(['d.slug', 'd.title', 'd.created_at', 'o.slug as org_slug', 'o.name as org_name'])
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}
