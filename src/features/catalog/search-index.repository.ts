import { sql, type Kysely } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { SEARCH_GENERATION_KEY } from '../../platform/db/migrations/0003-search-indexes.js';
import { SEARCH_PRUNED_KEY } from '../../platform/db/migrations/0015-search-changes.js';
import type { Database, DatasetState, Visibility } from '../../platform/db/schema.js';

// What the in-memory search index reads: the whole catalogue, or the datasets a few generations
// changed (search_changes, written by triggers; see migrations 0003 and 0015).

async function metaNumber(db: Kysely<Database>, key: string): Promise<number | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row === undefined ? undefined : Number(row.value);
}

/** The catalogue's generation, bumped by triggers on every write search depends on. */
export function readSearchGeneration(db: Kysely<Database>): Promise<number | undefined> {
  return metaNumber(db, SEARCH_GENERATION_KEY);
}

/** The newest generation whose changes were pruned: a copy older than that must reload. */
export async function readPrunedGeneration(db: Kysely<Database>): Promise<number> {
  return (await metaNumber(db, SEARCH_PRUNED_KEY)) ?? 0;
}

export interface SearchChange {
  generation: number;
  /** null: something every dataset shows changed (an organisation or theme). */
  datasetId: string | null;
}

/** Changes after `generation`, oldest first. */
export async function readChangesAfter(
  db: Kysely<Database>,
  generation: number,
): Promise<SearchChange[]> {
  const rows = await db
    .selectFrom('search_changes')
    .select(['generation', 'dataset_id'])
    .where('generation', '>', generation)
    .orderBy('generation')
    .execute();
  return rows.map((r) => ({ generation: Number(r.generation), datasetId: r.dataset_id }));
}

/** Rows one pruning transaction deletes at most: each is a short write, not a long stall. */
const PRUNE_CHUNK = 2000;

/**
 * Keeps the newest `keep` changes, deleting the older ones oldest first, a chunk per transaction
 * (a bulk load leaves hundreds of thousands; deleting them at once held SQLite's only
 * connection, and every search, for a second). The pruned mark moves in the same transaction
 * as each delete, so a reader that finds changes missing also finds the mark past its copy.
 */
export async function pruneChanges(
  db: Kysely<Database>,
  keep: number,
  chunk = PRUNE_CHUNK,
): Promise<void> {
  const cut = await db
    .selectFrom('search_changes')
    .select('generation')
    .orderBy('generation', 'desc')
    .limit(1)
    .offset(keep)
    .executeTakeFirst();
  if (!cut) return;
  const last = Number(cut.generation);
  for (let done = false; !done;) {
    done = await db.transaction().execute(async (trx) => {
      const step = await trx
        .selectFrom('search_changes')
        .select('generation')
        .where('generation', '<=', last)
        .orderBy('generation')
        .limit(1)
        .offset(chunk)
        .executeTakeFirst();
      const upTo = step ? Math.min(Number(step.generation), last) : last;
      await trx.deleteFrom('search_changes').where('generation', '<=', upTo).execute();
      await trx
        .updateTable('meta')
        .set({ value: String(upTo) })
        .where('key', '=', SEARCH_PRUNED_KEY)
        .where(sql<boolean>`CAST(value AS BIGINT) < ${upTo}`)
        .execute();
      return upTo >= last;
    });
    // Lets searches and other writes in between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A dataset's values of one list (tags, themes, formats), as a JSON array. */
export interface DatasetList {
  dataset_id: string;
  list: string;
}

export interface IndexedDataset {
  id: string;
  organisation_id: string;
  slug: string;
  title: string;
  licence: string;
  state: DatasetState;
  visibility: Visibility;
  created_at: string;
  modified_at: string;
}

export interface DatasetRows {
  datasets: IndexedDataset[];
  datasetTags: DatasetList[];
  datasetThemes: DatasetList[];
  datasetFormats: DatasetList[];
  /** Openness stars and metadata quality rating, of the datasets scored so far. */
  ratings: { dataset_id: string; openness: number; quality: string }[];
  /**
   * SQLite: each dataset's full-text rowid, so matches can be read by rowid alone; null on
   * PostgreSQL, whose full-text rows are keyed by dataset id.
   */
  textRows: { text_key: number; dataset_id: string }[] | null;
}

export interface SearchIndexRows extends DatasetRows {
  organisations: { id: string; slug: string; name: string }[];
  themes: { slug: string; title: string }[];
}

/** Rows of the datasets in `ids` (any state), or of every dataset not deleted. */
export async function loadDatasetRows(db: Db, ids: readonly string[] | null): Promise<DatasetRows> {
  const k = db.kysely;
  const list = (column: string, distinct = false) => {
    const arg = sql.raw(`${distinct ? 'distinct ' : ''}${column}`);
    return db.dialect === 'sqlite'
      ? sql<string>`json_group_array(${arg})`.as('list')
      : sql<string>`json_agg(${arg})::text`.as('list');
  };
  const some = ids !== null;
  const wanted = ids ?? [];
  // Lists come grouped per dataset: one row per dataset costs a third of one row per tag.
  const [rows, datasetTags, datasetThemes, datasetFormats, ratings, textRows] = await Promise.all([
    k
      .selectFrom('datasets')
      .select([
        'id',
        'slug',
        'organisation_id',
        'title',
        'licence',
        'state',
        'visibility',
        'created_at',
        'modified_at',
      ])
      .$if(some, (q) => q.where('id', 'in', wanted))
      .$if(!some, (q) => q.where('state', '!=', 'deleted'))
      .execute(),
    k
      .selectFrom('dataset_tags')
      .select(['dataset_id', list('tag')])
      .$if(some, (q) => q.where('dataset_id', 'in', wanted))
      .groupBy('dataset_id')
      .execute(),
    k
      .selectFrom('dataset_themes')
      .select(['dataset_id', list('theme')])
      .$if(some, (q) => q.where('dataset_id', 'in', wanted))
      .groupBy('dataset_id')
      .execute(),
    k
      .selectFrom('resources')
      .select(['dataset_id', list('format', true)])
      .$if(some, (q) => q.where('dataset_id', 'in', wanted))
      .groupBy('dataset_id')
      .execute(),
    k
      .selectFrom('dataset_ratings')
      .select(['dataset_id', 'openness', 'quality'])
      .$if(some, (q) => q.where('dataset_id', 'in', wanted))
      .execute(),
    db.dialect === 'sqlite'
      ? k
          .selectFrom('search_text_keys')
          .select(['text_key', 'dataset_id'])
          .$if(some, (q) => q.where('dataset_id', 'in', wanted))
          .execute()
      : Promise.resolve(null),
  ]);
  return { datasets: rows, datasetTags, datasetThemes, datasetFormats, ratings, textRows };
}

/** Everything the in-memory index holds, for every dataset not deleted. */
export async function loadSearchIndexRows(db: Db): Promise<SearchIndexRows> {
  const k = db.kysely;
  const [organisations, themes, rows] = await Promise.all([
    k.selectFrom('organisations').select(['id', 'slug', 'name']).execute(),
    k.selectFrom('themes').select(['slug', 'title']).execute(),
    loadDatasetRows(db, null),
  ]);
  return { organisations, themes, ...rows };
}
