import { describe, expect, it } from 'vitest';
import { CountCache } from './count-cache.js';

describe('CountCache', () => {
  it('keys counts by file, statement and parameters, bigints included', () => {
    const a = CountCache.key('v1.parquet', 'SELECT count(*) WHERE x = $1', [1n]);
    const b = CountCache.key('v1.parquet', 'SELECT count(*) WHERE x = $1', ['1']);
    const c = CountCache.key('v2.parquet', 'SELECT count(*) WHERE x = $1', [1n]);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(CountCache.key('v1.parquet', 'x'.repeat(5_000), [])).toBeNull();
  });

  it('forgets the least recently used count first', () => {
    const cache = new CountCache(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});
