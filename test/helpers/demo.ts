import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { seedDemo, type SeedSummary } from '../../src/demo/seed.js';
import { createTestContext, type TestContext } from './context.js';

// What the demo region's tests share: a smaller seed, file hashes, and a context of their own.

export async function sha256Of(stream: Readable): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    size += buf.length;
    hash.update(buf);
  }
  return { size, sha256: hash.digest('hex') };
}

// The large service-requests file at test size: the real generator and loader, fewer rows.
export const LARGE_ROWS = 20_000;
export const seedSmall = (ctx: TestContext) =>
  seedDemo(ctx, { force: false, largeRows: LARGE_ROWS });

/** Every file resource as "dataset/name sha256", in a stable order. */
export async function resourceHashes(ctx: TestContext): Promise<string[]> {
  const rows = await ctx.db.kysely
    .selectFrom('resources as r')
    .innerJoin('datasets as d', 'd.id', 'r.dataset_id')
    .select(['d.slug', 'r.name', 'r.sha256'])
    .where('r.blob_key', 'is not', null)
    .orderBy('d.slug')
    .orderBy('r.position')
    .execute();
  return rows.map((r) => `${r.slug}/${r.name} ${r.sha256 ?? ''}`);
}

/** Runs `fn` on a fresh context and always cleans it up. */
export async function withFreshContext<T>(fn: (ctx: TestContext) => Promise<T>): Promise<T> {
  const ctx = await createTestContext();
  try {
    return await fn(ctx);
  } finally {
    await ctx.cleanup();
  }
}

/** A demo region seeded once for the tests of a describe block (set in its beforeAll). */
export function seededDemo(): { ctx: TestContext; summary: SeedSummary } {
  const demo = {} as { ctx: TestContext; summary: SeedSummary };
  beforeAll(async () => {
    demo.ctx = await createTestContext();
    demo.summary = await seedSmall(demo.ctx);
  }, 180_000);
  afterAll(() => demo.ctx.cleanup());
  return demo;
}
