import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixture, type Fixture } from '../../../test/helpers/fixture.js';
import { createTestContext, type TestContext } from '../../../test/helpers/context.js';
import { parseQuery } from '../../platform/search/text.js';
import { createDataset } from './dataset.service.js';
import { matchRow } from './search-text-match.js';
import { queryTextMatches, readBm25Stats, readTextRows } from './search-text.repository.js';

// Rows changed since a list of matches was read are matched and scored here rather than by FTS5:
// both must agree on which rows match and on bm25's scores, word for word.

let ctx: TestContext;
let fx: Fixture;

beforeAll(async () => {
  // SQLite's full-text index is what is mirrored, whatever DATABASE_URL says.
  ctx = await createTestContext({ databaseUrl: undefined });
  fx = await seedFixture(ctx);
  const texts = [
    [
      'Bus stops',
      'Every bus stop in the borough, with shelters and timetables.',
      ['bus', 'transport'],
    ],
    ['Bus punctuality by month', 'How often buses ran on time, by route and month.', ['bus']],
    ['Air quality monitoring', 'Hourly readings of nitrogen dioxide at roadside sites.', ['air']],
    ['Air quality action plan', 'The council plan to improve air; qualifying zones.', []],
    ['Housing supply', 'New homes completed, by tenure. Housing need and bus access.', ['housing']],
    ['Broadband coverage', 'Premises with gigabit broadband, by ward.', ['digital', 'broadband']],
    [
      'Brownfield land register',
      'Sites for housing on previously developed land.',
      ['housing', 'land'],
    ],
    ['Crime by ward', 'Recorded crime per month; anti-social behaviour; crime types.', []],
  ] as const;
  for (const [title, description, tags] of texts) {
    await createDataset(ctx, fx.editorActor, {
      title,
      description,
      tags: [...tags],
      organisation: 'bolton',
    });
  }
});
afterAll(async () => {
  await ctx.cleanup();
});

describe('matching full-text rows in JavaScript', () => {
  it('finds the same rows as FTS5, with the same bm25 scores', async () => {
    const keys = await ctx.db.kysely.selectFrom('search_text_keys').select('text_key').execute();
    const texts = await readTextRows(
      ctx.db,
      keys.map((r) => r.text_key),
    );
    expect(texts.length).toBeGreaterThanOrEqual(8);
    for (const q of [
      'bus',
      'buses',
      'bus stop',
      'air qual',
      'housing',
      'b',
      'br',
      'crime month',
      'zebra',
      'by',
    ]) {
      const terms = parseQuery(q);
      if (!terms) throw new Error(q);
      const want = await queryTextMatches(ctx.db, terms, true);
      const stats = await readBm25Stats(ctx.db, terms);
      const got = new Map<number | string, number>();
      for (const row of texts) {
        const score = matchRow(row, terms, stats);
        if (score !== null) got.set(row.key, score);
        expect(matchRow(row, terms, null) !== null, q).toBe(score !== null);
      }
      expect([...got.keys()].sort(), q).toEqual([...want.keys()].sort());
      for (const [key, score] of want)
        expect(got.get(key), `${q} ${String(key)}`).toBeCloseTo(score, 9);
    }
  });
});
