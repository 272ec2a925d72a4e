import pluralize from 'pluralize';
import { stemmer } from 'stemmer';

// English stemming happens here, not in the database, so that SQLite FTS5 and PostgreSQL
// full-text match and rank the same words. Words are singularised before the Porter stemmer
// because Porter alone stems "buses" to "buse" but "bus" to "bu".

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return (text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(WORD) ?? []).slice(
    0,
    10_000,
  );
}

export function stem(word: string): string {
  if (/^\d+$/.test(word) || word.length < 3) return word;
  return stemmer(pluralize.singular(word));
}

/** Stems for the index: one space-separated string. */
export function stemText(text: string): string {
  return words(text).map(stem).join(' ');
}

export interface SearchTerms {
  /** Every word but the last must match its stem. */
  stems: string[];
  /** The last word matches its stem or, as typed, a prefix of any word. */
  last: { stem: string; prefix: string } | null;
}

export function parseQuery(q: string): SearchTerms | null {
  const ws = words(q).slice(0, 32);
  const lastWord = ws.pop();
  if (lastWord === undefined) return null;
  return { stems: ws.map(stem), last: { stem: stem(lastWord), prefix: lastWord } };
}

/**
 * One phrase of a full-text search: a stem in the stemmed columns (title, tags, description), or
 * the last word as typed, as a prefix of a raw word (the `words` column).
 */
export interface FtsPhrase {
  token: string;
  prefix: boolean;
}

/** The phrases of a search, in the order of ftsQuery() (bm25 numbers them so). */
export function ftsPhrases(terms: SearchTerms): FtsPhrase[] {
  const phrases = terms.stems.map((token) => ({ token, prefix: false }));
  if (terms.last) {
    phrases.push(
      { token: terms.last.stem, prefix: false },
      { token: terms.last.prefix, prefix: true },
    );
  }
  return phrases;
}

/** A phrase as an FTS5 expression; tokens are only letters and digits, so quoting them is safe. */
export function ftsPhrase(p: FtsPhrase): string {
  return p.prefix ? `words : "${p.token}" *` : `{title tags description} : "${p.token}"`;
}

/** An FTS5 MATCH expression: every stem, and the last word's stem or prefix. */
export function ftsQuery(terms: SearchTerms): string {
  const phrases = ftsPhrases(terms).map(ftsPhrase);
  const stems = phrases.slice(0, terms.stems.length);
  const last = phrases.slice(terms.stems.length);
  return [...stems, ...(last.length ? [`(${last.join(' OR ')})`] : [])].join(' AND ');
}

/** A PostgreSQL to_tsquery('simple', ...) expression; A-C weights are stems, D raw words. */
export function tsQuery(terms: SearchTerms): string {
  const parts = terms.stems.map((s) => `${s}:ABC`);
  if (terms.last) parts.push(`(${terms.last.stem}:ABC | ${terms.last.prefix}:*D)`);
  return parts.join(' & ');
}
