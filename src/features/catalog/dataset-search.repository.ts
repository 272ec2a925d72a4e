import { sql, type Kysely } from 'kysely';
import type { Db, Dialect } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { ftsQuery, parseQuery, stemText, tsQuery, words } from '../../platform/search/text.js';
import type { ReadableScope } from '../accounts/index.js';
import { searchInIndex, type TextMatches } from './search-facets.js';
import { currentSearchIndex } from './search-index-cache.js';
import type { SearchPage, SearchParams } from './search-types.js';

export interface IndexedText {
  title: string;
  tags: string[];
  description: string;
}

/** Writes one dataset's entry in the full-text index (replacing any earlier one). */
export async function indexDataset(
  k: Kysely<Database>,
  dialect: Dialect,
  datasetId: string,
  text: IndexedText,
): Promise<void> {
  const title = stemText(text.title);
  const tags = stemText(text.tags.join(' '));
  const description = stemText(text.description);
  const raw = [...new Set(words(`${text.title} ${text.tags.join(' ')} ${text.description}`))].join(
    ' ',
  );
  if (dialect === 'sqlite') {
    // Each dataset keeps one rowid (its text key, see migration 0015): the old row goes by rowid.
    const known = await k
      .selectFrom('search_text_keys')
      .select('text_key')
      .where('dataset_id', '=', datasetId)
      .executeTakeFirst();
    let key = known?.text_key;
    if (key === undefined) {
      const made = await sql<{
        text_key: number;
      }>`INSERT INTO search_text_keys (dataset_id, text_key)
        SELECT ${datasetId}, coalesce(max(text_key), 0) + 1 FROM search_text_keys
        RETURNING text_key`.execute(k);
      key = made.rows[0]?.text_key ?? 0;
    } else {
      await sql`DELETE FROM dataset_fts WHERE rowid = ${key}`.execute(k);
    }
    await sql`INSERT INTO dataset_fts (rowid, dataset_id, title, tags, description, words)
      VALUES (${key}, ${datasetId}, ${title}, ${tags}, ${description}, ${raw})`.execute(k);
    return;
  }
  const document = sql<string>`setweight(to_tsvector('simple', ${title}), 'A')
    || setweight(to_tsvector('simple', ${tags}), 'B')
    || setweight(to_tsvector('simple', ${description}), 'C')
    || setweight(to_tsvector('simple', ${raw}), 'D')`;
  await k
    .insertInto('dataset_search')
    .values({ dataset_id: datasetId, document })
    .onConflict((oc) => oc.column('dataset_id').doUpdateSet({ document }))
    .execute();
}

/**
 * Every full-text row matching the words of `q` with its score (lower ranks first), in one
 * query; null when `q` has no words. Scores are only computed when they decide the order.
 */
export async function textMatches(db: Db, q: string, scored: boolean): Promise<TextMatches> {
  const terms = parseQuery(q);
  if (!terms) return null;
  if (db.dialect === 'sqlite') {
    // The rowid, not the dataset_id column: reading a column costs a lookup in FTS5's content
    // table per match, twice the time of the match itself. The index maps rowids to datasets.
    // bm25 is lower for better matches; weights: title 10, tags 5, description 2, words 1.
    const score = scored ? sql<number>`bm25(dataset_fts, 0, 10.0, 5.0, 2.0, 1.0)` : sql<number>`0`;
    const rows = await db.kysely
      .selectFrom('dataset_fts')
      .select([sql<number>`rowid`.as('key'), score.as('score')])
      .where(sql<boolean>`dataset_fts MATCH ${ftsQuery(terms)}`)
      .execute();
    return new Map(rows.map((r) => [r.key, r.score]));
  }
  const query = sql`to_tsquery('simple', ${tsQuery(terms)})`;
  const score = scored
    ? sql<number>`-ts_rank('{0.05, 0.2, 0.5, 1.0}', document, ${query})`
    : sql<number>`0`;
  const rows = await db.kysely
    .selectFrom('dataset_search')
    .select(['dataset_id as key', score.as('score')])
    .where(sql<boolean>`document @@ ${query}`)
    .execute();
  return new Map(rows.map((r) => [r.key, r.score]));
}

/**
 * One search: the page of ids, the total and the facet counts as `scope` may see them. The text
 * match runs in SQL; filters, counts and order come from the in-memory index (search-index.ts).
 */
export async function searchDatasets(
  db: Db,
  scope: ReadableScope,
  params: SearchParams,
): Promise<SearchPage> {
  const [index, matches] = await Promise.all([
    currentSearchIndex(db),
    textMatches(db, params.q, params.sort === 'relevance'),
  ]);
  return searchInIndex(index, scope, params, matches);
}
