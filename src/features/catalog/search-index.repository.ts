import { sql, type Kysely } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { findMetaValue } from '../../platform/db/meta.repository.js';
import { SEARCH_GENERATION_KEY } from '../../platform/db/migrations/0003-search-indexes.js';
import type { Database, DatasetState, Visibility } from '../../platform/db/schema.js';

/** The catalogue's generation, bumped by triggers on every write search depends on. */
export function readSearchGeneration(db: Kysely<Database>): Promise<string | undefined> {
  return findMetaValue(db, SEARCH_GENERATION_KEY);
}

/** For writes no trigger sees (SQLite cannot put triggers on its FTS5 table). */
export async function bumpSearchGeneration(db: Kysely<Database>): Promise<void> {
  await sql`UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT)
    WHERE key = ${SEARCH_GENERATION_KEY}`.execute(db);
}

/** A dataset's values of one list (tags, themes, formats), as a JSON array. */
export interface DatasetList {
  dataset_id: string;
  list: string;
}

export interface SearchIndexRows {
  /** Each list of distinct values comes in the database's own order (its collation). */
  organisations: { id: string; slug: string; name: string }[];
  themes: { slug: string; title: string }[];
  tags: string[];
  formats: string[];
  licences: string[];
  /** Newest first (`modified_at desc, id`), each with its place in `title, id` order. */
  datasets: {
    id: string;
    organisation_id: string;
    slug: string;
    licence: string;
    state: DatasetState;
    visibility: Visibility;
    created_at: string;
    modified_at: string;
    title_rank: number;
  }[];
  datasetTags: DatasetList[];
  datasetThemes: DatasetList[];
  datasetFormats: DatasetList[];
  /** SQLite: which dataset each full-text row is, so matches can be read by rowid alone. */
  textRows: { rowid: number; dataset_id: string }[];
}

/**
 * Everything the in-memory index holds, for every dataset not deleted. Orders come from the
 * database (ranks, sorted value lists) so that sorting in JavaScript matches what ORDER BY gives
 * under the database's collation, on SQLite and PostgreSQL alike. Lists come grouped per dataset:
 * one row per dataset costs a third of one row per tag.
 */
export async function loadSearchIndexRows(db: Db): Promise<SearchIndexRows> {
  const k = db.kysely;
  const list = (column: string, distinct = false) => {
    const arg = sql.raw(`${distinct ? 'distinct ' : ''}${column}`);
    return db.dialect === 'sqlite'
      ? sql<string>`json_group_array(${arg})`.as('list')
      : sql<string>`json_agg(${arg})::text`.as('list');
  };
  const [
    organisations,
    themes,
    tags,
    formats,
    licences,
    datasets,
    datasetTags,
    datasetThemes,
    datasetFormats,
    textRows,
  ] = await Promise.all([
    k
      .selectFrom('organisations')
      .select(['id', 'slug', 'name'])
      .orderBy('name')
      .orderBy('slug')
      .execute(),
    k.selectFrom('themes').select(['slug', 'title']).orderBy('title').orderBy('slug').execute(),
    k.selectFrom('dataset_tags').select('tag').distinct().orderBy('tag').execute(),
    k.selectFrom('resources').select('format').distinct().orderBy('format').execute(),
    k.selectFrom('datasets').select('licence').distinct().orderBy('licence').execute(),
    k
      .selectFrom('datasets')
      .select([
        'id',
        'slug',
        'organisation_id',
        'licence',
        'state',
        'visibility',
        'created_at',
        'modified_at',
      ])
      .select(sql<number>`row_number() over (order by title, id)`.as('title_rank'))
      .where('state', '!=', 'deleted')
      .orderBy('modified_at', 'desc')
      .orderBy('id')
      .execute(),
    k
      .selectFrom('dataset_tags')
      .select(['dataset_id', list('tag')])
      .groupBy('dataset_id')
      .execute(),
    k
      .selectFrom('dataset_themes')
      .select(['dataset_id', list('theme')])
      .groupBy('dataset_id')
      .execute(),
    k
      .selectFrom('resources')
      .select(['dataset_id', list('format', true)])
      .groupBy('dataset_id')
      .execute(),
    db.dialect === 'sqlite'
      ? k
          .selectFrom('dataset_fts')
          .select([sql<number>`rowid`.as('rowid'), 'dataset_id'])
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    organisations,
    themes,
    tags: tags.map((r) => r.tag),
    formats: formats.map((r) => r.format),
    licences: licences.map((r) => r.licence),
    datasets,
    datasetTags,
    datasetThemes,
    datasetFormats,
    textRows,
  };
}
