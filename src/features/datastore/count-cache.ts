import type { SqlParam } from '../../platform/engine/engine.js';

// Exact totals of filtered queries, remembered per version. A version's file never changes
// once written, so a count once made stays true: the same filter (a dashboard's, a shared
// link's) is counted once rather than on every page of every visitor. Bounded by entries, the
// least recently used going first; each process keeps its own (nothing to invalidate).

const MAX_ENTRIES = 10_000;
/** Longer statements (a long `q`, many filters) are rarer and not worth the memory. */
const MAX_KEY_LENGTH = 4_096;

const param = (p: SqlParam) => (typeof p === 'bigint' ? `${p}n` : JSON.stringify(p));

export class CountCache {
  private readonly entries = new Map<string, number>();

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  /** The key of a count: the version's file, the statement and its parameters. */
  static key(file: string, sql: string, params: SqlParam[]): string | null {
    const key = `${file}\n${sql}\n${params.map(param).join('\n')}`;
    return key.length <= MAX_KEY_LENGTH ? key : null;
  }

  get(key: string): number | undefined {
    const n = this.entries.get(key);
    if (n === undefined) return undefined;
    // Most recently used last, so the first key is the one to evict.
    this.entries.delete(key);
    this.entries.set(key, n);
    return n;
  }

  set(key: string, n: number): void {
    this.entries.delete(key);
    this.entries.set(key, n);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
