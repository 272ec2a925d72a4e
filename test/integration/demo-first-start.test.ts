import { describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/demo/seed.js';
import { createOrganisation } from '../../src/features/organisations/organisation.service.js';
import { LARGE_ROWS, withFreshContext } from '../helpers/demo.js';

// `npm start` on an empty install seeds the demo region once, and never over a real region.

describe('seeding on first start', () => {
  it('seeds an empty install once, and records when', { timeout: 120_000 }, () =>
    withFreshContext(async (ctx) => {
      const messages: string[] = [];
      const log = (m: string) => messages.push(m);
      expect(await seedDemoIfEmpty(ctx, log, { largeRows: LARGE_ROWS })).toBe(true);
      const meta = await ctx.db.kysely
        .selectFrom('meta')
        .select('value')
        .where('key', '=', 'demo_seeded')
        .executeTakeFirstOrThrow();
      expect(new Date(meta.value).toISOString()).toBe(meta.value);
      expect(messages.join('\n')).toMatch(/synthetic/i);
      expect(await seedDemoIfEmpty(ctx, () => undefined)).toBe(false);

      // Deleting the demo must not bring it back on the next start.
      await ctx.db.kysely.deleteFrom('datasets').execute();
      await ctx.db.kysely.deleteFrom('promises').execute();
      await ctx.db.kysely.deleteFrom('reports').execute();
      await ctx.db.kysely.deleteFrom('challenges').execute();
      await ctx.db.kysely.deleteFrom('organisations').execute();
      expect(await seedDemoIfEmpty(ctx, () => undefined)).toBe(false);
    }),
  );

  it('leaves an install that already has organisations alone', () =>
    withFreshContext(async (ctx) => {
      await createOrganisation(ctx, null, {
        slug: 'leeds',
        name: 'Leeds City Council',
        kind: 'council',
      });
      expect(await seedDemoIfEmpty(ctx, () => undefined)).toBe(false);
      const datasets = await ctx.db.kysely.selectFrom('datasets').select('id').execute();
      expect(datasets).toEqual([]);
    }));
});
