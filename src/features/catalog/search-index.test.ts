import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixture, type Fixture } from '../../../test/helpers/fixture.js';
import { createTestContext, type TestContext } from '../../../test/helpers/context.js';
import { connectDb, type Db } from '../../platform/db/connect.js';
import { readableScope, anonymous } from '../accounts/index.js';
import { createDataset, patchDataset } from './dataset.service.js';
import { searchDatasets } from './dataset-search.repository.js';
import { FACETS, type FacetName } from './search-types.js';

// Each process keeps its own in-memory index; these check that a second connection to the same
// database (another app node) sees every write made through the first one at its next search.

let ctx: TestContext;
let fx: Fixture;
let other: Db;

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx);
  other = ctx.db.schema
    ? connectDb(ctx.config, { schema: ctx.db.schema })
    : connectDb(ctx.config, { sqliteFile: path.join(ctx.config.dataDir, 'metrodata.sqlite') });
});
afterAll(async () => {
  await other.close();
  await ctx.cleanup();
});

const none = Object.fromEntries(FACETS.map((f): [FacetName, string[]] => [f, []])) as Record<
  FacetName,
  string[]
>;
const search = (filters: Partial<Record<FacetName, string[]>> = {}) =>
  searchDatasets(other, readableScope(anonymous), {
    q: '',
    filters: { ...none, ...filters },
    sort: 'modified',
    page: 1,
    perPage: 100,
  });

describe('search index freshness across processes', () => {
  it('sees datasets created, hidden and changed through another connection', async () => {
    const before = await search();
    await createDataset(ctx, fx.editorActor, {
      slug: 'fresh',
      title: 'Fresh data',
      organisation: 'bolton',
      tags: ['brand-new'],
    });
    const created = await search({ tag: ['brand-new'] });
    expect(created.total).toBe(1);
    expect((await search()).total).toBe(before.total + 1);

    await patchDataset(ctx, fx.editorActor, 'fresh', { visibility: 'private' });
    const hidden = await search();
    expect(hidden.total).toBe(before.total);
    // Facet counts must not reveal it either.
    expect(hidden.facets.tag.find((t) => t.value === 'brand-new')).toBeUndefined();

    // A write that bypasses the services is seen too: triggers bump the generation.
    await ctx.db.kysely
      .updateTable('datasets')
      .set({ licence: 'CC0-1.0' })
      .where('slug', '=', 'bus-punctuality')
      .execute();
    expect((await search({ licence: ['CC0-1.0'] })).total).toBe(1);
  });
});
