import { ftsPhrases, type SearchTerms } from '../../platform/search/text.js';

// Deciding in JavaScript whether one SQLite full-text row matches a search, and its bm25 score,
// exactly as FTS5 would. A kept list of matches (search-text-cache.ts) re-reads the rows a write
// changed; asking FTS5 for a few rows costs as much as the whole query (it seeks every segment
// for each row, and bm25 counts each word over the whole catalogue), 20-40 ms per search during
// a harvest at 100,000 datasets. The rows' own text is a lookup by rowid.

/** The indexed columns of dataset_fts (migration 0001), already stemmed and space-separated. */
export interface TextRow {
  key: number;
  title: string;
  tags: string;
  description: string;
  words: string;
}

/** bm25's weights per column, as search-text.repository.ts passes them to FTS5. */
export const WEIGHTS = { title: 10, tags: 5, description: 2, words: 1 } as const;

type Column = keyof typeof WEIGHTS;
const STEMMED: readonly Column[] = ['title', 'tags', 'description'];

/** What bm25 knew of the whole catalogue when a list was read: the rows, their mean size. */
export interface Bm25Stats {
  rows: number;
  averageTokens: number;
  /** Per phrase, the inverse document frequency FTS5 computed from its count of rows. */
  idf: number[];
}

/** FTS5's IDF for a phrase found in `hits` of `rows` rows. */
export function idf(rows: number, hits: number): number {
  const value = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return value <= 0 ? 1e-6 : value;
}

const K1 = 1.2;
const B = 0.75;

/**
 * The row's score as `bm25(dataset_fts, 0, 10, 5, 2, 1)` gives it (lower is better) when it
 * matches the terms, else null. Without stats, 0 for a match (unscored lists).
 */
export function matchRow(row: TextRow, terms: SearchTerms, stats: Bm25Stats | null): number | null {
  const tokens = {
    title: row.title.split(' ').filter(Boolean),
    tags: row.tags.split(' ').filter(Boolean),
    description: row.description.split(' ').filter(Boolean),
    words: row.words.split(' ').filter(Boolean),
  };
  // Each phrase's occurrences in this row, weighted by column.
  const freq = ftsPhrases(terms).map((p) => {
    let f = 0;
    for (const c of p.prefix ? (['words'] as const) : STEMMED) {
      for (const t of tokens[c]) {
        if (p.prefix ? t.startsWith(p.token) : t === p.token) f += WEIGHTS[c];
      }
    }
    return f;
  });
  const found = (i: number) => (freq[i] ?? 0) > 0;
  const stems = terms.stems.length;
  for (let i = 0; i < stems; i++) if (!found(i)) return null;
  if (terms.last && !found(stems) && !found(stems + 1)) return null;
  if (!stats) return 0;
  const size =
    tokens.title.length + tokens.tags.length + tokens.description.length + tokens.words.length;
  let score = 0;
  freq.forEach((f, i) => {
    score +=
      ((stats.idf[i] ?? 0) * (f * (K1 + 1))) /
      (f + K1 * (1 - B + (B * size) / stats.averageTokens));
  });
  return -score;
}
