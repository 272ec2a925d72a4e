import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import {
  ftsPhrase,
  ftsPhrases,
  ftsQuery,
  tsQuery,
  type SearchTerms,
} from '../../platform/search/text.js';
import { idf, WEIGHTS, type Bm25Stats, type TextRow } from './search-text-match.js';

/**
 * Full-text row key (SQLite text key, PostgreSQL dataset id) to relevance score, lower ranking
 * first (search-index.ts turns the keys into the index's slots).
 */
export type KeyedMatches = Map<number | string, number>;

/**
 * Every full-text row matching `terms` with its score, in one query, or only among the rows of
 * `keys`. Scores are only computed when they decide the order (they double the cost).
 */
export async function queryTextMatches(
  db: Db,
  terms: SearchTerms,
  scored: boolean,
  keys?: readonly (number | string)[],
): Promise<KeyedMatches> {
  if (db.dialect === 'sqlite') {
    // The rowid, not the dataset_id column: reading a column costs a lookup in FTS5's content
    // table per match, twice the time of the match itself. The index maps rowids to datasets.
    // bm25 is lower for better matches; dataset_id weighs nothing.
    const weights = sql.raw(Object.values(WEIGHTS).join(', '));
    const score = scored ? sql<number>`bm25(dataset_fts, 0, ${weights})` : sql<number>`0`;
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

/** SQLite: the indexed text of the full-text rows of `keys`, read by rowid (no text search). */
export async function readTextRows(db: Db, keys: readonly number[]): Promise<TextRow[]> {
  const { rows } = await sql<TextRow>`SELECT rowid AS key, title, tags, description, words
    FROM dataset_fts WHERE rowid IN (${sql.join(keys)})`.execute(db.kysely);
  return rows;
}

/** A SQLite varint (FTS5 stores its totals so): the value and the bytes it took. */
function varint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const byte = bytes[at + i] ?? 0;
    if (i === 8) return [value * 256 + byte, 9];
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) return [value, i + 1];
  }
  return [value, 9];
}

/**
 * What bm25 would use for `terms` now: the row count and total size FTS5 keeps in its
 * "averages" record (row 1 of dataset_fts_data: the row count, then each column's total, as
 * varints), and each phrase's count of matching rows, counted as bm25 counts it.
 */
export async function readBm25Stats(db: Db, terms: SearchTerms): Promise<Bm25Stats> {
  const k = db.kysely;
  const [averages, ...counts] = await Promise.all([
    sql<{ block: Uint8Array }>`SELECT block FROM dataset_fts_data WHERE id = 1`.execute(k),
    ...ftsPhrases(terms).map((p) =>
      sql<{ n: number }>`SELECT count(*) AS n FROM dataset_fts
        WHERE dataset_fts MATCH ${ftsPhrase(p)}`.execute(k),
    ),
  ]);
  const block = averages.rows[0]?.block ?? new Uint8Array();
  const totals: number[] = [];
  for (let at = 0; at < block.length;) {
    const [value, size] = varint(block, at);
    totals.push(value);
    at += size;
  }
  const [rows = 0, ...columns] = totals;
  const tokens = columns.reduce((sum, n) => sum + n, 0);
  return {
    rows,
    averageTokens: rows > 0 ? tokens / rows : 1,
    idf: counts.map((c) => idf(rows, c.rows[0]?.n ?? 0)),
  };
}
