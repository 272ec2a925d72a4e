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

/** An FTS5 MATCH expression; tokens are only letters and digits, so quoting them is safe. */
export function ftsQuery(terms: SearchTerms): string {
  const ranked = '{title tags description}';
  const parts = terms.stems.map((s) => `${ranked} : "${s}"`);
  if (terms.last) {
    parts.push(`(${ranked} : "${terms.last.stem}" OR words : "${terms.last.prefix}" *)`);
  }
  return parts.join(' AND ');
}

/** A PostgreSQL to_tsquery('simple', ...) expression; A-C weights are stems, D raw words. */
export function tsQuery(terms: SearchTerms): string {
  const parts = terms.stems.map((s) => `${s}:ABC`);
  if (terms.last) parts.push(`(${terms.last.stem}:ABC | ${terms.last.prefix}:*D)`);
  return parts.join(' & ');
}
