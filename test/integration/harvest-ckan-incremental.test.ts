import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset, deleteDataset, patchDataset } from '../../src/features/catalog/index.js';
import { changeSource, createSource, runHarvest } from '../../src/features/harvest/index.js';
import type { Actor } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import type { TestContext } from '../helpers/context.js';
import { harvestingSite } from '../helpers/harvest-site.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';
import { startRecordingProxy, type LoopbackServer } from '../helpers/harvest-servers.js';

// Incremental CKAN runs against a second Metrodata's /api/3, seen through a recording proxy on
// loopback: after a complete run, only what changed at the source is read in full, and what the
// source no longer lists is still withdrawn. A proxy refusing the metadata_modified filter plays
// an older portal: the harvest then reads everything, with the same result.

let remote: TestApp;
let fixture: Fixture;
let local: TestContext;
let origin: string;
let admin: Actor;

const TWO_DAYS_AGO = new Date(Date.now() - 2 * 86_400_000).toISOString();

beforeAll(async () => {
  remote = await createTestApp();
  fixture = await seedFixture(remote.ctx);
  // The source's catalogue was last edited two days ago, well before any run here.
  await remote.ctx.db.kysely.updateTable('datasets').set({ modified_at: TWO_DAYS_AGO }).execute();
  await remote.app.listen({ port: 0, host: '127.0.0.1' });
  const address = remote.app.server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? String(address.port) : ''}`;
  ({ ctx: local, admin } = await harvestingSite());
});
afterAll(async () => {
  await remote.close();
  await local.cleanup();
});

async function harvestSource(title: string, url: string): Promise<string> {
  const source = await createSource(local, admin, {
    organisation: 'gmca',
    title,
    url,
    type: 'ckan',
  });
  return source.id;
}

const activeTitles = async () =>
  (
    await local.db.kysely
      .selectFrom('datasets')
      .select('title')
      .where('state', '=', 'active')
      .orderBy('title')
      .execute()
  ).map((r) => r.title);

const paths = (proxy: LoopbackServer) =>
  proxy.exchanges.map((e) => decodeURIComponent(e.url.replace(/\+/g, ' ')));

/** The packages package_search answered to the last request whose URL holds `marker`. */
function answered(proxy: LoopbackServer, marker: string): Record<string, unknown>[] {
  // The last: the first changes request is the harvest's empty probe (rows=0).
  const exchange = proxy.exchanges.findLast((e) => decodeURIComponent(e.url).includes(marker));
  if (!exchange) throw new Error(`No request with ${marker}`);
  return (JSON.parse(exchange.body) as { result: { results: Record<string, unknown>[] } }).result
    .results;
}

describe('incremental CKAN runs', () => {
  let proxy: LoopbackServer;
  let source: string;
  let everything: number;

  beforeAll(async () => {
    proxy = await startRecordingProxy(origin);
    source = await harvestSource('Bolton portal', proxy.origin);
  });
  afterAll(() => proxy.close());

  it('reads everything on the first run', async () => {
    const first = await runHarvest(local, source);
    expect(first).toMatchObject({ status: 'succeeded', failed: 0 });
    everything = first.created;
    expect(everything).toBeGreaterThan(2);
    expect(paths(proxy).some((p) => p.includes('metadata_modified'))).toBe(false);
  });

  it('then reads in full only what changed, and still withdraws a deleted dataset', async () => {
    const actor = fixture.editorActor;
    await patchDataset(remote.ctx, actor, 'bus-punctuality', { title: 'Bus punctuality (2025)' });
    await createDataset(remote.ctx, actor, {
      slug: 'benches',
      title: 'Benches',
      organisation: 'bolton',
    });
    await deleteDataset(remote.ctx, fixture.wiganActor, 'air-quality');
    proxy.exchanges.length = 0;

    const run = await runHarvest(local, source);
    expect(run).toMatchObject({
      status: 'succeeded',
      created: 1,
      updated: 1,
      withdrawn: 1,
      unchanged: everything - 2,
      failed: 0,
    });
    // The changes asked for were the two datasets saved since; the rest were only listed.
    const changes = answered(proxy, 'metadata_modified:[');
    expect(changes.map((p) => p.name)).toEqual(['benches', 'bus-punctuality']);
    // The others were listed by id and name only, all on one page.
    expect(paths(proxy).filter((p) => p.includes('fl=id,name'))).toHaveLength(1);
    const listed = answered(proxy, 'fl=id,name');
    expect(listed).toHaveLength(everything);
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(['id', 'name']);
    expect(paths(proxy).some((p) => p.includes('package_show'))).toBe(false);
    const titles = await activeTitles();
    expect(titles).toContain('Bus punctuality (2025)');
    expect(titles).toContain('Benches');
    expect(titles).not.toContain('Air quality monitoring');
  });

  it('reads in full a listed dataset deleted here, and restores it', async () => {
    const harvested = await local.db.kysely
      .selectFrom('datasets')
      .select('slug')
      .where('title', '=', 'Fly-tipping reports')
      .executeTakeFirstOrThrow();
    // An administrator here deletes it; the source still lists it, unchanged for two days.
    await deleteDataset(local, admin, harvested.slug);
    proxy.exchanges.length = 0;

    const run = await runHarvest(local, source);
    expect(run).toMatchObject({ status: 'succeeded', updated: 1, created: 0, withdrawn: 0 });
    expect(paths(proxy).filter((p) => p.includes('package_show'))).toHaveLength(1);
    expect(await activeTitles()).toContain('Fly-tipping reports');
  });

  it('reads the source whole again after its settings change, and incrementally after that', async () => {
    // A new default licence must reach every dataset, not only those changed at the source.
    await changeSource(local, admin, source, { defaultLicence: 'CC-BY-4.0' });
    proxy.exchanges.length = 0;
    const run = await runHarvest(local, source);
    expect(run).toMatchObject({ status: 'succeeded', failed: 0 });
    expect(paths(proxy).some((p) => p.includes('metadata_modified'))).toBe(false);

    proxy.exchanges.length = 0;
    await runHarvest(local, source);
    expect(paths(proxy).some((p) => p.includes('metadata_modified'))).toBe(true);
  });
});

describe('a CKAN portal that refuses the metadata_modified filter', () => {
  it('is read in full on every run, with the same counts', async () => {
    const refuse = (url: string) =>
      decodeURIComponent(url).includes('metadata_modified')
        ? {
            status: 409,
            contentType: 'application/json',
            body: JSON.stringify({
              success: false,
              error: { __type: 'Validation Error', fq: ['Search Query Error: unknown field'] },
            }),
          }
        : null;
    const proxy = await startRecordingProxy(origin, refuse);
    try {
      const source = await harvestSource('Older portal', proxy.origin);
      const first = await runHarvest(local, source);
      expect(first).toMatchObject({ status: 'succeeded', failed: 0 });
      await patchDataset(remote.ctx, fixture.editorActor, 'benches', { title: 'Park benches' });
      proxy.exchanges.length = 0;

      const second = await runHarvest(local, source);
      expect(second).toMatchObject({
        status: 'succeeded',
        created: 0,
        updated: 1,
        withdrawn: 0,
        unchanged: first.created - 1,
        failed: 0,
      });
      // Asked once for changes, refused, then read every package in full.
      expect(proxy.exchanges.filter((e) => e.status === 409)).toHaveLength(1);
      expect(paths(proxy).some((p) => p.includes('fl=id,name'))).toBe(false);
    } finally {
      await proxy.close();
    }
  });
});
