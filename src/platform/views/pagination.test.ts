import { describe, expect, it } from 'vitest';
import { paginationFor, rangeText } from './pagination.js';

const href = (n: number) => `/datasets?page=${n}`;

describe('paginationFor', () => {
  it('is left out when one page holds everything', () => {
    expect(paginationFor(1, 20, 19, href)).toBeNull();
  });

  it('shows the first, last and neighbouring pages with ellipses', () => {
    const p = paginationFor(5, 10, 100, href);
    expect(p?.previous?.href).toBe('/datasets?page=4');
    expect(p?.next?.href).toBe('/datasets?page=6');
    expect(p?.items.map((i) => ('ellipsis' in i ? '…' : i.number))).toEqual([
      1,
      '…',
      4,
      5,
      6,
      '…',
      10,
    ]);
  });

  it('has no next link on the last page', () => {
    const p = paginationFor(3, 10, 30, href);
    expect(p?.next).toBeUndefined();
    expect(p?.items.at(-1)).toEqual({ number: 3, href: href(3), current: true });
  });
});

describe('rangeText', () => {
  it('says which results are shown', () => {
    expect(rangeText(2, 20, 45)).toBe('Showing 21 to 40 of 45');
    expect(rangeText(3, 20, 40)).toBeNull();
  });
});
