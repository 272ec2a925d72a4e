import { describe, expect, it } from 'vitest';
import { searchHref, searchStateOf, withoutFilter } from './search-url.js';
import { searchView, type FoundPage } from './search.view.js';

const found: FoundPage = {
  total: 45,
  per_page: 20,
  results: [],
  facets: {
    organisation: [{ value: 'bolton', label: 'Bolton Council', count: 30 }],
    theme: [],
    tag: Array.from({ length: 20 }, (_, i) => ({ value: `t${i}`, label: `t${i}`, count: 20 - i })),
    format: [],
    licence: [],
    openness: [],
    quality: [],
  },
};

describe('search state in the URL', () => {
  it('round-trips every part, leaving out what is empty or default', () => {
    const state = searchStateOf({ q: ' bus ', tag: ['Buses', 'buses'], format: 'csv', page: 2 });
    expect(state.filters.tag).toEqual(['buses']);
    expect(searchHref(state)).toBe('/datasets?q=bus&tag=buses&format=CSV&page=2');
    expect(searchHref(searchStateOf({}))).toBe('/datasets');
  });

  it('drops one filter value and goes back to page 1', () => {
    const state = searchStateOf({ theme: ['transport', 'health'], page: 3 });
    expect(searchHref(withoutFilter(state, 'theme', 'health'))).toBe('/datasets?theme=transport');
  });
});

describe('searchView', () => {
  it('ticks the chosen values and still shows a chosen value that no longer matches', () => {
    const view = searchView(searchStateOf({ tag: ['t19', 'gone'] }), found);
    const tags = view.facets.find((f) => f.name === 'tag');
    // The 12 most used, then the chosen ones beyond them.
    expect(tags?.items.map((i) => i.value).slice(-2)).toEqual(['t19', 'gone']);
    expect(tags?.items.filter((i) => i.checked).map((i) => i.text)).toEqual([
      't19 (1)',
      'gone (0)',
    ]);
    expect(tags?.more).toBe(true);
  });

  it('sorts by relevance only when there are words, and pages within the search', () => {
    expect(searchView(searchStateOf({}), found).sortItems.find((s) => s.selected)?.value).toBe(
      'modified',
    );
    const view = searchView(searchStateOf({ q: 'bus', organisation: 'bolton' }), found);
    expect(view.sortItems.find((s) => s.selected)?.value).toBe('relevance');
    expect(view.pagination?.next?.href).toBe('/datasets?q=bus&organisation=bolton&page=2');
    expect(view.active).toEqual([
      { facet: 'Publisher', label: 'Bolton Council', removeHref: '/datasets?q=bus' },
    ]);
  });
});
