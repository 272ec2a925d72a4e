import { sql, type Kysely } from 'kysely';
import type { Db, Dialect } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { stemText, words } from '../../platform/search/text.js';
import type { ReadableScope } from '../accounts/index.js';
import { searchInIndex } from './search-facets.js';
import { currentSearch } from './search-index-cache.js';
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
    // FTS5 tables take no triggers; the dataset's row, written in the same transaction by the
    // only caller (dataset.service.ts), logs the change that kept lists of matches re-read.
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
 * One search: the page of ids, the total and the facet counts as `scope` may see them. The text
 * match runs in SQL; filters, counts and order come from the in-memory index (search-index.ts).
 */
export async function searchDatasets(
  db: Db,
  scope: ReadableScope,
  params: SearchParams,
): Promise<SearchPage> {
  const { index, matches } = await currentSearch(db, params.q, params.sort === 'relevance');
  return searchInIndex(index, scope, params, matches);
}
