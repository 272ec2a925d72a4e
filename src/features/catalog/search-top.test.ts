import { describe, expect, it } from 'vitest';
import { firstInOrder } from './search-top.js';

describe('firstInOrder', () => {
  it('gives the same first k as a full sort, for any k and input order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const keys = Array.from({ length: 500 }, () => Math.floor(random() * 50));
    // Ties on the key are broken by the item itself, as the search's orders break them by id.
    const cmp = (a: number, b: number) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b;
    const items = keys.map((_, i) => i).sort(() => random() - 0.5);
    const sorted = [...items].sort(cmp);
    for (const k of [0, 1, 2, 20, 499, 500, 1000]) {
      expect(firstInOrder(items, k, cmp)).toEqual(sorted.slice(0, k));
    }
  });
});
