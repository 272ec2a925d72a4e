import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixture, type Fixture } from '../../../test/helpers/fixture.js';
import { createTestContext, type TestContext } from '../../../test/helpers/context.js';
import { createDataset } from './dataset.service.js';

// Datasets named alike get the title's slug numbered past the ones taken, never a taken one,
// across the batches of numbers newSlug asks for at once.

let ctx: TestContext;
let fx: Fixture;

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx);
});
afterAll(async () => {
  await ctx.cleanup();
});

describe('slugs of datasets named alike', () => {
  it('numbers them -2, -3 … in order, past a batch of numbers', async () => {
    const slugs: string[] = [];
    for (let i = 0; i < 20; i++) {
      const made = await createDataset(ctx, fx.editorActor, {
        title: 'Grit bins',
        organisation: 'bolton',
      });
      slugs.push(made.slug);
    }
    expect(slugs).toEqual([
      'grit-bins',
      ...Array.from({ length: 19 }, (_, i) => `grit-bins-${String(i + 2)}`),
    ]);
  });

  it('takes the lowest number no row holds, not the one after the highest', async () => {
    // Datasets are only soft-deleted, so their slugs stay taken; a row removed outright frees one.
    await ctx.db.kysely.deleteFrom('datasets').where('slug', '=', 'grit-bins-5').execute();
    const made = await createDataset(ctx, fx.editorActor, {
      title: 'Grit bins',
      organisation: 'bolton',
    });
    expect(made.slug).toBe('grit-bins-5');
  });
});
