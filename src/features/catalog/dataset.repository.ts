import type { Kysely, SelectQueryBuilder } from 'kysely';
import type {
  Database,
  Dataset,
  DatasetTable,
  DatasetUpdate,
  NewDataset,
  Resource,
} from '../../platform/db/schema.js';
import type { ReadableScope } from '../accounts/index.js';
import { noLists, type DatasetLists } from './dataset.view.js';

export type WithD = Database & { d: DatasetTable };
export type DatasetQuery = SelectQueryBuilder<WithD, 'd', object>;

/** Datasets the scope may read, not deleted (the SQL twin of policy 'dataset:read'). */
export function visibleDatasets(db: Kysely<Database>, scope: ReadableScope): DatasetQuery {
  const base = db.selectFrom('datasets as d').where('d.state', '!=', 'deleted');
  if (scope.all) return base;
  return base.where((eb) => {
    const open = eb.and([eb('d.state', '=', 'active'), eb('d.visibility', '=', 'public')]);
    return scope.organisationIds.length === 0
      ? open
      : eb.or([open, eb('d.organisation_id', 'in', scope.organisationIds)]);
  });
}

export function findDatasetBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Dataset | undefined> {
  return db.selectFrom('datasets').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findDatasetById(db: Kysely<Database>, id: string): Promise<Dataset | undefined> {
  return db.selectFrom('datasets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDataset(db: Kysely<Database>, dataset: NewDataset): Promise<void> {
  await db.insertInto('datasets').values(dataset).execute();
}

export async function updateDataset(
  db: Kysely<Database>,
  id: string,
  changes: DatasetUpdate,
): Promise<void> {
  await db.updateTable('datasets').set(changes).where('id', '=', id).execute();
}

/** Tags of a dataset that has none yet. */
export async function addTags(db: Kysely<Database>, datasetId: string, tags: string[]) {
  if (tags.length > 0) {
    await db
      .insertInto('dataset_tags')
      .values(tags.map((tag) => ({ dataset_id: datasetId, tag })))
      .execute();
  }
}

/** Themes of a dataset that has none yet. */
export async function addThemes(db: Kysely<Database>, datasetId: string, themes: string[]) {
  if (themes.length > 0) {
    await db
      .insertInto('dataset_themes')
      .values(themes.map((theme) => ({ dataset_id: datasetId, theme })))
      .execute();
  }
}

export async function replaceTags(db: Kysely<Database>, datasetId: string, tags: string[]) {
  await db.deleteFrom('dataset_tags').where('dataset_id', '=', datasetId).execute();
  await addTags(db, datasetId, tags);
}

export async function replaceThemes(db: Kysely<Database>, datasetId: string, themes: string[]) {
  await db.deleteFrom('dataset_themes').where('dataset_id', '=', datasetId).execute();
  await addThemes(db, datasetId, themes);
}

/** Tags, themes and resource formats of many datasets at once, keyed by dataset id. */
export async function loadDatasetLists(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, DatasetLists>> {
  const out = new Map<string, DatasetLists>(ids.map((id) => [id, noLists()]));
  if (ids.length === 0) return out;
  const [tags, themes, formats, ratings] = await Promise.all([
    db
      .selectFrom('dataset_tags')
      .select(['dataset_id', 'tag'])
      .where('dataset_id', 'in', ids)
      .orderBy('tag')
      .execute(),
    db
      .selectFrom('dataset_themes')
      .select(['dataset_id', 'theme'])
      .where('dataset_id', 'in', ids)
      .orderBy('theme')
      .execute(),
    db
      .selectFrom('resources')
      .select(['dataset_id', 'format'])
      .distinct()
      .where('dataset_id', 'in', ids)
      .orderBy('format')
      .execute(),
    db
      .selectFrom('dataset_ratings')
      .select(['dataset_id', 'openness', 'quality'])
      .where('dataset_id', 'in', ids)
      .execute(),
  ]);
  for (const t of tags) out.get(t.dataset_id)?.tags.push(t.tag);
  for (const t of themes) out.get(t.dataset_id)?.themes.push(t.theme);
  for (const f of formats) out.get(f.dataset_id)?.formats.push(f.format);
  for (const r of ratings) {
    const lists = out.get(r.dataset_id);
    if (lists) lists.rating = { openness: r.openness, quality: r.quality };
  }
  return out;
}

export function listResourcesOfDataset(
  db: Kysely<Database>,
  datasetId: string,
): Promise<Resource[]> {
  return db
    .selectFrom('resources')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('position')
    .execute();
}

/** The resources of those of `datasetIds` the scope may read, in one query (a page's worth). */
export function listResourcesOfReadableDatasets(
  db: Kysely<Database>,
  scope: ReadableScope,
  datasetIds: string[],
): Promise<Resource[]> {
  if (datasetIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('resources as r')
    .selectAll('r')
    .where(
      'r.dataset_id',
      'in',
      visibleDatasets(db, scope).select('d.id').where('d.id', 'in', datasetIds),
    )
    .orderBy('r.dataset_id')
    .orderBy('r.position')
    .execute();
}
