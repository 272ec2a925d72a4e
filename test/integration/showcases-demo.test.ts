import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { actorForUser, createUser, SESSION_SCOPES } from '../../src/features/accounts/index.js';
import { createDataset } from '../../src/features/catalog/index.js';
import { createOrganisation } from '../../src/features/organisations/index.js';
import { listShowcases } from '../../src/features/showcases/index.js';
import { anonymous } from '../../src/features/accounts/index.js';
import { DEMO_SHOWCASES, seedShowcases } from '../../src/demo/showcases/seed-showcases.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

// The demo's showcases: approved, labelled synthetic, linked to the demo datasets, and the
// same (ids, times, image bytes) on every seed, as the rest of the demo is.

async function sha256(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A catalogue with the demo datasets the showcases use (titles only), then the showcases. */
async function seeded(ctx: TestContext) {
  await createOrganisation(ctx, null, { slug: 'gmca', name: 'GMCA', kind: 'combined-authority' });
  const user = await createUser(ctx, { email: 'bot@demo.invalid', name: 'Bot', siteAdmin: true });
  const actor = await actorForUser(ctx, user.id, SESSION_SCOPES);
  for (const slug of new Set(DEMO_SHOWCASES.flatMap((s) => s.datasets))) {
    await createDataset(ctx, actor, { slug, title: slug, organisation: 'gmca' });
  }
  const added = await seedShowcases(ctx, actor);
  const again = await seedShowcases(ctx, actor);
  const rows = await ctx.db.kysely.selectFrom('showcases').selectAll().orderBy('slug').execute();
  const images = await Promise.all(
    rows.map(async (r) => sha256(await ctx.blobs.get(r.image_key ?? ''))),
  );
  const facts = rows.map((r, i) => ({
    id: r.id,
    slug: r.slug,
    created_at: r.created_at,
    decided_at: r.decided_at,
    image_key: r.image_key,
    image: images[i],
  }));
  return { added, again, rows, facts };
}

describe('the demo showcases', () => {
  it('are approved, synthetic, linked to demo data, and the same every time', async () => {
    const first = await createTestContext();
    const second = await createTestContext();
    try {
      const a = await seeded(first);
      expect(a.added).toBe(DEMO_SHOWCASES.length);
      expect(a.again).toBe(0);
      for (const row of a.rows) {
        expect(row.status).toBe('approved');
        expect(row.description).toContain('SYNTHETIC');
        expect(row.link).toMatch(/^https:\/\/[a-z0-9-]+\.example\/$/);
      }
      const listed = await listShowcases(first, anonymous, { dataset: 'air-quality-no2' });
      expect(listed.results.map((s) => s.title)).toEqual(['Where the air is cleanest']);
      const image = await first.blobs.get(a.rows[0]?.image_key ?? '');
      const chunks: Buffer[] = [];
      for await (const c of image) chunks.push(c as Buffer);
      expect(await sharp(Buffer.concat(chunks)).metadata()).toMatchObject({
        format: 'jpeg',
        width: 1200,
        height: 800,
      });
      const b = await seeded(second);
      expect(b.facts).toEqual(a.facts);
    } finally {
      await first.cleanup();
      await second.cleanup();
    }
  }, 60_000);
});
