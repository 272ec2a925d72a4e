import { describe, expect, it } from 'vitest';
import { withSecondConnection } from '../../../test/helpers/second-connection.js';
import { readableScope, anonymous } from '../accounts/index.js';
import { deleteDataset, restoreDataset } from './dataset-lifecycle.service.js';
import { createDataset, patchDataset } from './dataset.service.js';
import { searchDatasets } from './dataset-search.repository.js';
import { addLinkResource } from './resource.service.js';
import { searchInIndex } from './search-facets.js';
import { buildSearchIndex, matchesBySlot } from './search-index.js';
import { currentSearch } from './search-index-cache.js';
import { loadSearchIndexRows } from './search-index.repository.js';
import { queryTextMatches } from './search-text.repository.js';
import { parseQuery } from '../../platform/search/text.js';
import { FACETS, type FacetName, type SearchParams } from './search-types.js';

// Each process keeps its own in-memory index; these check that a second connection to the same
// database (another app node) sees every write made through the first one at its next search.

const two = withSecondConnection();

const none = Object.fromEntries(FACETS.map((f): [FacetName, string[]] => [f, []])) as Record<
  FacetName,
  string[]
>;
const search = (filters: Partial<Record<FacetName, string[]>> = {}) =>
  searchDatasets(two.other, readableScope(anonymous), {
    q: '',
    filters: { ...none, ...filters },
    sort: 'modified',
    page: 1,
    perPage: 100,
  });

describe('search index freshness across processes', () => {
  it('sees datasets created, hidden and changed through another connection', async () => {
    const before = await search();
    await createDataset(two.ctx, two.fx.editorActor, {
      slug: 'fresh',
      title: 'Fresh data',
      organisation: 'bolton',
      tags: ['brand-new'],
    });
    const created = await search({ tag: ['brand-new'] });
    expect(created.total).toBe(1);
    expect((await search()).total).toBe(before.total + 1);

    await patchDataset(two.ctx, two.fx.editorActor, 'fresh', { visibility: 'private' });
    const hidden = await search();
    expect(hidden.total).toBe(before.total);
    // Facet counts must not reveal it either.
    expect(hidden.facets.tag.find((t) => t.value === 'brand-new')).toBeUndefined();

    // A write that bypasses the services is seen too: triggers bump the generation.
    await two.ctx.db.kysely
      .updateTable('datasets')
      .set({ licence: 'CC0-1.0' })
      .where('slug', '=', 'bus-punctuality')
      .execute();
    expect((await search({ licence: ['CC0-1.0'] })).total).toBe(1);
  });
});

describe('search index kept up to date in place', () => {
  // Every kind of write a catalogue sees, through the services and in plain SQL; after each
  // batch the index caught up in place must answer every search exactly as a fresh build does.
  const queries: Partial<SearchParams>[] = [
    { sort: 'modified' },
    { sort: 'title' },
    { q: 'data', sort: 'relevance' },
    { q: 'data', sort: 'title' },
    { filters: { ...none, tag: ['brand-new', 'batch-1'] }, sort: 'modified' },
    { filters: { ...none, organisation: ['bolton'], format: ['CSV'] }, sort: 'title' },
    { filters: { ...none, licence: ['CC0-1.0'] }, sort: 'modified', page: 2, perPage: 3 },
  ];
  const scopes = [readableScope(anonymous), { all: true, organisationIds: [] }];

  // The index and the kept lists of full-text matches, caught up in place, against a fresh build
  // and a fresh full-text query. SQLite's bm25 weighs words by the whole catalogue, so a kept
  // score may drift from a fresh one: there, relevance order is compared as a set.
  async function expectSameAsFresh() {
    const fresh = buildSearchIndex(await loadSearchIndexRows(two.other));
    let index;
    for (const query of queries) {
      const params: SearchParams = {
        q: '',
        filters: none,
        sort: 'modified',
        page: 1,
        perPage: 50,
        ...query,
      };
      const scored = params.sort === 'relevance';
      const live = await currentSearch(two.other, params.q, scored);
      index = live.index;
      const terms = parseQuery(params.q);
      const keyed = terms ? await queryTextMatches(two.other, terms, scored) : null;
      const matches = keyed && matchesBySlot(fresh, keyed);
      for (const scope of scopes) {
        const got = searchInIndex(live.index, scope, params, live.matches);
        const want = searchInIndex(fresh, scope, params, matches);
        if (scored && two.other.dialect === 'sqlite') {
          expect({ ...got, ids: [...got.ids].sort() }).toEqual({
            ...want,
            ids: [...want.ids].sort(),
          });
        } else {
          expect(got, JSON.stringify(query)).toEqual(want);
        }
      }
    }
    return index;
  }

  it('answers as a fresh build after creates, edits, deletions, restores and plain SQL', async () => {
    const first = await expectSameAsFresh();
    const actor = two.fx.editorActor;
    for (let batch = 1; batch <= 4; batch++) {
      for (let i = 0; i < 5; i++) {
        const slug = `batch-${batch}-${i}`;
        await createDataset(two.ctx, actor, {
          slug,
          title: `${String.fromCharCode(90 - i * 5)} data ${batch}`,
          organisation: 'bolton',
          tags: [`batch-${batch}`, i % 2 ? 'odd' : 'even'],
          themes: i % 2 ? ['transport'] : ['environment'],
          licence: i % 3 ? 'OGL-UK-3.0' : 'CC0-1.0',
        });
        if (i % 2)
          await addLinkResource(two.ctx, actor, slug, {
            name: 'Table',
            url: 'https://example.org/t.csv',
            format: 'CSV',
          });
      }
      await patchDataset(two.ctx, actor, `batch-${batch}-1`, {
        title: 'Aardvark data',
        tags: ['renamed'],
      });
      await patchDataset(two.ctx, actor, `batch-${batch}-2`, { visibility: 'private' });
      await deleteDataset(two.ctx, actor, `batch-${batch}-3`);
      if (batch > 1) await restoreDataset(two.ctx, actor, `batch-${batch - 1}-3`);
      await two.ctx.db.kysely
        .updateTable('datasets')
        .set({ licence: 'CC0-1.0', modified_at: new Date(Date.UTC(2020, 0, batch)).toISOString() })
        .where('slug', '=', `batch-${batch}-4`)
        .execute();
      // Caught up in place, never rebuilt: the same index object answers.
      expect(await expectSameAsFresh()).toBe(first);
    }
  });
});
