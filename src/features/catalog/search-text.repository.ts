import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { ftsQuery, tsQuery, type SearchTerms } from '../../platform/search/text.js';

/**
 * Full-text row key (SQLite text key, PostgreSQL dataset id) to relevance score, lower ranking
 * first; null when there are no words to match.
 */
export type TextMatches = Map<number | string, number> | null;

/**
 * Every full-text row matching `terms` with its score, in one query, or only among the rows of
 * `keys`. Scores are only computed when they decide the order (they double the cost).
 */
export async function queryTextMatches(
  db: Db,
  terms: SearchTerms,
  scored: boolean,
  keys?: readonly (number | string)[],
): Promise<Map<number | string, number>> {
  if (db.dialect === 'sqlite') {
    // The rowid, not the dataset_id column: reading a column costs a lookup in FTS5's content
    // table per match, twice the time of the match itself. The index maps rowids to datasets.
    // bm25 is lower for better matches; weights: title 10, tags 5, description 2, words 1.
    const score = scored ? sql<number>`bm25(dataset_fts, 0, 10.0, 5.0, 2.0, 1.0)` : sql<number>`0`;
    const rows = await db.kysely
      .selectFrom('dataset_fts')
      .select([sql<number>`rowid`.as('key'), score.as('score')])
      .where(sql<boolean>`dataset_fts MATCH ${ftsQuery(terms)}`)
      .$if(keys !== undefined, (q) => q.where(sql.ref('rowid'), 'in', (keys ?? []) as number[]))
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
    .$if(keys !== undefined, (q) => q.where('dataset_id', 'in', (keys ?? []) as string[]))
    .execute();
  return new Map(rows.map((r) => [r.key, r.score]));
}
