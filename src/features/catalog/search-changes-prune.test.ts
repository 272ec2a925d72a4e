import { describe, expect, it } from 'vitest';
import { withSecondConnection } from '../../../test/helpers/second-connection.js';
import { readableScope, anonymous } from '../accounts/index.js';
import { createDataset } from './dataset.service.js';
import { searchDatasets } from './dataset-search.repository.js';
import { pruneChanges, readPrunedGeneration } from './search-index.repository.js';

// The change log is pruned in chunks so a bulk load's backlog never holds the database at once;
// a process whose copy is older than what was pruned must notice and reload, not miss writes.

const two = withSecondConnection();

const searchTag = (tag: string) =>
  searchDatasets(two.other, readableScope(anonymous), {
    q: '',
    filters: {
      organisation: [],
      theme: [],
      tag: [tag],
      format: [],
      licence: [],
      openness: [],
      quality: [],
    },
    sort: 'modified',
    page: 1,
    perPage: 100,
  });

const generations = async () =>
  (
    await two.ctx.db.kysely
      .selectFrom('search_changes')
      .select('generation')
      .orderBy('generation')
      .execute()
  ).map((r) => Number(r.generation));

describe('pruning the search change log', () => {
  it('keeps the newest changes, marks what went, and a lagging copy reloads', async () => {
    // The other process loads its copy now, then falls behind.
    expect((await searchTag('pruned-away')).total).toBe(0);
    for (let i = 0; i < 6; i++) {
      await createDataset(two.ctx, two.fx.editorActor, {
        slug: `pruned-${String(i)}`,
        title: `Pruned ${String(i)}`,
        organisation: 'bolton',
        tags: ['pruned-away'],
      });
    }
    const before = await generations();
    expect(before.length).toBeGreaterThan(10);

    await pruneChanges(two.ctx.db.kysely, 4, 3);

    const after = await generations();
    const mark = await readPrunedGeneration(two.ctx.db.kysely);
    // Whole generations go (PostgreSQL logs a transaction's rows under one), the oldest first,
    // down to at most the newest four rows, and the mark says exactly where the log now starts.
    expect(after).toEqual(before.filter((g) => g > mark));
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThanOrEqual(4);
    expect(mark).toBe(before.at(-5));

    // Its copy cannot catch up from the log any more: it must reload and see all six.
    expect((await searchTag('pruned-away')).total).toBe(6);
  });

  it('does nothing when the log is shorter than what it keeps', async () => {
    const before = await generations();
    const mark = await readPrunedGeneration(two.ctx.db.kysely);
    await pruneChanges(two.ctx.db.kysely, before.length + 10, 3);
    expect(await generations()).toEqual(before);
    expect(await readPrunedGeneration(two.ctx.db.kysely)).toBe(mark);
  });
});
