import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLinkResource, deleteDataset } from '../../src/features/catalog/index.js';
import { recheckSoon, saveLinkCheck } from '../../src/features/quality/link-check.repository.js';
import { linksDue } from '../../src/features/quality/links-due.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';

// Which links a pass checks: every link is reached by the sweep in a few passes (here 4
// resources a pass, at most 5 links), links checked within the interval are left alone, and
// those due again, asked for again, or changed come back.

let ctx: TestContext;
let fx: Fixture;
const ids: string[] = [];
const WEEK_MS = 7 * 86_400_000;

/** A pass as the link checker makes it, recording every link taken as checked `at`. */
async function pass(at: Date): Promise<string[]> {
  const due = await linksDue(ctx.db.kysely, new Date(at.getTime() - WEEK_MS).toISOString(), 5, 4);
  for (const link of due) {
    await saveLinkCheck(ctx.db.kysely, {
      resource_id: link.resource_id,
      url: link.url,
      status: 200,
      error: null,
      duration_ms: 1,
      checked_at: at.toISOString(),
      scheduled_from: at.toISOString(),
    });
  }
  return due.map((l) => l.resource_id);
}

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx);
  for (let i = 0; i < 11; i++) {
    const slug = i % 2 === 0 ? 'bus-punctuality' : 'fly-tipping-reports';
    const r = await addLinkResource(ctx, fx.editorActor, slug, {
      name: `Link ${String(i)}`,
      url: `https://example.org/${String(i)}.csv`,
      format: 'CSV',
    });
    ids.push(r.id);
  }
});
afterAll(() => ctx.cleanup());

describe('links due', () => {
  const now = new Date();

  it('reaches every link within a sweep, and leaves the ones just checked alone', async () => {
    const taken: string[] = [];
    // 11 links among the fixture's resources: three passes cover them, one more wraps round.
    for (let i = 0; i < 4; i++) taken.push(...(await pass(now)));
    expect([...taken].sort()).toEqual([...ids].sort());
    for (let i = 0; i < 6; i++) expect(await pass(now)).toEqual([]);
  });

  it('takes a link again once its interval has passed, a re-check first', async () => {
    const later = new Date(now.getTime() + WEEK_MS + 60_000);
    const second = ids[1] ?? '';
    await recheckSoon(ctx.db.kysely, [second]);
    // A week on every link is due: at most 5 a pass, the one asked for first.
    const due = await linksDue(
      ctx.db.kysely,
      new Date(later.getTime() - WEEK_MS).toISOString(),
      5,
      4,
    );
    expect(due).toHaveLength(5);
    expect(due.map((l) => l.resource_id)).toContain(second);
    const soon = await linksDue(
      ctx.db.kysely,
      new Date(now.getTime() - WEEK_MS).toISOString(),
      5,
      4,
    );
    expect(soon.map((l) => l.resource_id)).toEqual([second]);
  });

  it('finds a link whose address changed, and none of a deleted dataset', async () => {
    await pass(now);
    const [first] = ids;
    await ctx.db.kysely
      .updateTable('resources')
      .set({ url: 'https://example.org/moved.csv' })
      .where('id', '=', first ?? '')
      .execute();
    const found: string[] = [];
    for (let i = 0; i < 4; i++) found.push(...(await pass(now)));
    expect(found).toEqual([first]);

    await deleteDataset(ctx, fx.editorActor, 'fly-tipping-reports');
    await recheckSoon(ctx.db.kysely, ids);
    const left: string[] = [];
    for (let i = 0; i < 4; i++) left.push(...(await pass(now)));
    expect(left.sort()).toEqual(ids.filter((_id, i) => i % 2 === 0).sort());
  });
});
