import { describe, expect, it } from 'vitest';
import { orderAll, reorder } from './search-index-order.js';
import type { SearchIndex } from './search-index-types.js';

// Both ways of moving changed slots (one at a time for a few, filter and merge for many) must
// leave the orders exactly as sorting everything again would.

function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

const TITLES = ['Bus stops', 'Air quality', 'Housing', 'bus punctuality', 'Émissions', 'Zebra'];

function slots(count: number, next: () => number) {
  const index = {
    ids: [] as string[],
    alive: [] as number[],
    titles: [] as string[],
    modifiedAt: [] as string[],
    modified: [] as number[],
    byModified: [] as number[],
    byTitle: [] as number[],
    ranked: true,
  };
  for (let p = 0; p < count; p++) write(index, p, next);
  return index;
}

function write(index: ReturnType<typeof slots>, p: number, next: () => number) {
  index.ids[p] = `id-${String(p).padStart(4, '0')}`;
  index.alive[p] = 1;
  // Repeated titles and times, so ties fall back to the id.
  index.titles[p] =
    `${TITLES[Math.floor(next() * TITLES.length)] ?? ''} ${String(Math.floor(next() * 5))}`;
  index.modifiedAt[p] = `2026-0${String(1 + Math.floor(next() * 9))}-01T00:00:00.000Z`;
  index.modified[p] = Date.parse(index.modifiedAt[p]);
}

function expected(index: ReturnType<typeof slots>) {
  const fresh = { ...index, byModified: [], byTitle: [] };
  orderAll(fresh as unknown as SearchIndex);
  return { byModified: fresh.byModified, byTitle: fresh.byTitle };
}

describe('keeping the orders after a write', () => {
  for (const changed of [1, 3, 64, 65, 300]) {
    it(`matches a full sort after ${String(changed)} slots changed, died or were added`, () => {
      const next = random(changed);
      const index = slots(1000, next);
      orderAll(index as unknown as SearchIndex);
      const touched: number[] = [];
      for (let i = 0; i < changed; i++) {
        const kind = i % 3;
        if (kind === 0) {
          const p = Math.floor(next() * 1000);
          write(index, p, next);
          touched.push(p);
        } else if (kind === 1) {
          const p = Math.floor(next() * 1000);
          index.alive[p] = 0;
          touched.push(p);
        } else {
          const p = index.ids.length;
          write(index, p, next);
          touched.push(p);
        }
      }
      reorder(index as unknown as SearchIndex, touched);
      expect({ byModified: index.byModified, byTitle: index.byTitle }).toEqual(expected(index));
      expect(index.ranked).toBe(false);
    });
  }
});
