import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/features/accounts/index.js';
import { createDataset } from '../../src/features/catalog/index.js';
import { createSource, runHarvest } from '../../src/features/harvest/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import type { TestContext } from '../helpers/context.js';
import { seedFixture } from '../helpers/fixture.js';
import { harvestingSite } from '../helpers/harvest-site.js';

// A portal where every council's dataset has the same title, as ten boroughs' "Public toilets"
// do, and a few are titled as the others' numbered slugs would be. Each must arrive with a slug
// of its own, however many are stored at once (PostgreSQL stores several records side by side,
// and two of them can pick the same free slug).

const ALIKE = 24;
const TITLE = 'Public toilets';
const NUMBERED = ['Public toilets 2', 'Public toilets 3', 'Public toilets 4', 'Public toilets 5'];

let remote: TestApp;
let local: TestContext;
let admin: Actor;
let origin: string;

beforeAll(async () => {
  remote = await createTestApp();
  const fixture = await seedFixture(remote.ctx);
  for (let i = 0; i < ALIKE; i++) {
    await createDataset(remote.ctx, fixture.editorActor, {
      title: TITLE,
      description: `Toilets number ${String(i)}`,
      organisation: 'bolton',
    });
  }
  for (const title of NUMBERED) {
    await createDataset(remote.ctx, fixture.editorActor, { title, organisation: 'bolton' });
  }
  await remote.app.listen({ port: 0, host: '127.0.0.1' });
  const address = remote.app.server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? String(address.port) : ''}`;
  ({ ctx: local, admin } = await harvestingSite());
});
afterAll(async () => {
  await remote.close();
  await local.cleanup();
});

describe('harvesting datasets named alike', () => {
  it('stores every one under its own slug, and finds them all again on the next run', async () => {
    const source = await createSource(local, admin, {
      organisation: 'gmca',
      title: 'Bolton portal',
      url: origin,
      type: 'ckan',
    });
    const run = await runHarvest(local, source.id);
    expect(run).toMatchObject({ status: 'succeeded', failed: 0 });

    const alike = await local.db.kysely
      .selectFrom('datasets')
      .select(['slug', 'description'])
      .where('title', '=', TITLE)
      .execute();
    expect(alike).toHaveLength(ALIKE);
    expect(new Set(alike.map((d) => d.slug)).size).toBe(ALIKE);
    expect(new Set(alike.map((d) => d.description)).size).toBe(ALIKE);
    const slugs = await local.db.kysely
      .selectFrom('datasets')
      .select('slug')
      .where('title', 'like', `${TITLE}%`)
      .execute();
    expect(new Set(slugs.map((d) => d.slug)).size).toBe(ALIKE + NUMBERED.length);

    const again = await runHarvest(local, source.id);
    expect(again).toMatchObject({ status: 'succeeded', created: 0, failed: 0 });
    expect(again.unchanged).toBe(run.created);
  });
});
