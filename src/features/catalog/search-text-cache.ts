import type { Db } from '../../platform/db/connect.js';
import { parseQuery, type SearchTerms } from '../../platform/search/text.js';
import { matchesBySlot, type SearchIndex, type TextMatches } from './search-index.js';
import { matchRow, type Bm25Stats } from './search-text-match.js';
import { queryTextMatches, readBm25Stats, readTextRows } from './search-text.repository.js';

// The full-text matches of recent queries, kept up to date like the index: a common word matches
// a quarter of 100,000 datasets, and reading and scoring 25,000 rows costs far more than the rest
// of a search. A write marks the datasets it changed in every kept list; the next use re-reads
// only those rows (on SQLite their text, matched and scored in search-text-match.ts). On
// PostgreSQL ts_rank scores each document alone, so a kept list is exactly a fresh one; SQLite's
// bm25 weighs words by the whole catalogue, so a kept score can differ from a fresh one by the
// drift of those weights since it was read (order changes only between near ties). Lists too
// long to be worth re-reading in part are dropped and read again whole.

/** Matches kept across all queries (about 50 bytes each). */
const KEPT_MATCHES = 1_000_000;
/** Beyond this many changed datasets, reading the list again is as cheap. */
const PENDING_LIMIT = 2000;

/** Slot in the index to score (the cache is emptied whenever the index is rebuilt). */
type Matches = Map<number, number>;

interface Entry {
  matches: Matches;
  /** Datasets changed since the list was read. */
  pending: Set<string>;
  /** SQLite, scored: what bm25 knew when the list was read, to score changed rows alike. */
  stats: Bm25Stats | null;
  /** Refreshes run one after another, and a search waits for the one under way. */
  ready: Promise<void>;
}

export class TextMatchCache {
  #entries = new Map<string, Entry>();
  #kept = 0;

  /** Datasets whose text, or existence, changed: every kept list re-reads them when next used. */
  changed(ids: Iterable<string>) {
    const list = [...ids];
    for (const [key, entry] of this.#entries) {
      for (const id of list) entry.pending.add(id);
      if (entry.pending.size > PENDING_LIMIT) this.#drop(key, entry);
    }
  }

  clear() {
    this.#entries.clear();
    this.#kept = 0;
  }

  #drop(key: string, entry: Entry) {
    if (this.#entries.get(key) !== entry) return;
    this.#entries.delete(key);
    this.#kept -= entry.matches.size;
  }

  async #refresh(
    db: Db,
    index: SearchIndex,
    key: string,
    terms: SearchTerms,
    scored: boolean,
    entry: Entry,
  ) {
    if (entry.pending.size === 0) return;
    const ids = [...entry.pending];
    entry.pending.clear();
    const slots = ids.flatMap((id) => index.slotOf.get(id) ?? []);
    const keys = slots.flatMap((p) => index.textKeyOf[p] ?? []);
    // A dataset no longer in the index keeps its old entry: its slot is dead, so it never shows.
    const before = entry.matches.size;
    for (const p of slots) entry.matches.delete(p);
    if (keys.length > 0 && db.dialect === 'sqlite') {
      // Matched here, not by FTS5, which costs as much for a few rows as for the whole query.
      for (const row of await readTextRows(db, keys as number[])) {
        const score = matchRow(row, terms, entry.stats);
        const p = index.textKeys.get(row.key);
        if (score !== null && p !== undefined) entry.matches.set(p, score);
      }
    } else if (keys.length > 0) {
      const found = await queryTextMatches(db, terms, scored, keys);
      for (const [p, score] of matchesBySlot(index, found)) entry.matches.set(p, score);
    }
    if (this.#entries.get(key) === entry) this.#kept += entry.matches.size - before;
  }

  #evict() {
    for (const [key, entry] of this.#entries) {
      if (this.#kept <= KEPT_MATCHES) return;
      this.#drop(key, entry);
    }
  }

  /** A new list, in the cache before it is read, so writes during the read mark it too. */
  #read(db: Db, index: SearchIndex, key: string, terms: SearchTerms, scored: boolean): Entry {
    const entry: Entry = {
      matches: new Map(),
      pending: new Set(),
      stats: null,
      ready: Promise.resolve(),
    };
    this.#entries.set(key, entry);
    entry.ready = Promise.all([
      queryTextMatches(db, terms, scored),
      scored && db.dialect === 'sqlite' ? readBm25Stats(db, terms) : null,
    ]).then(
      ([matches, stats]) => {
        // A dataset the index does not hold yet was written during the read: it is pending.
        entry.matches = matchesBySlot(index, matches);
        entry.stats = stats;
        if (this.#entries.get(key) !== entry) return;
        if (matches.size > KEPT_MATCHES / 4) this.#entries.delete(key);
        else {
          this.#kept += matches.size;
          this.#evict();
        }
      },
      (err: unknown) => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
        throw err;
      },
    );
    return entry;
  }

  /** The matches of `q` (null without words), as of the index's generation or later. */
  async matches(db: Db, index: SearchIndex, q: string, scored: boolean): Promise<TextMatches> {
    const terms = parseQuery(q);
    if (!terms) return null;
    const key = `${scored ? 's' : 'u'}${JSON.stringify(terms)}`;
    let entry = this.#entries.get(key);
    if (entry) {
      // Most recently used last: eviction takes from the front.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    } else {
      entry = this.#read(db, index, key, terms, scored);
    }
    const e = entry;
    e.ready = e.ready.then(() => this.#refresh(db, index, key, terms, scored, e));
    await e.ready;
    return e.matches;
  }
}
