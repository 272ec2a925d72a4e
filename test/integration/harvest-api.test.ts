import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvestJobHandlers, queueDueRuns } from '../../src/features/harvest/index.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

// The harvest API on one instance, harvesting a second one on loopback through the job queue.

let remote: TestApp;
let t: TestApp;
let f: Fixture;
let origin: string;

beforeAll(async () => {
  remote = await createTestApp();
  await seedFixture(remote.ctx);
  await remote.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(remote.app.server.address() as AddressInfo).port}`;
  t = await createTestApp({ outboundAllowedPrivate: '127.0.0.1' });
  f = await seedFixture(t.ctx);
});
afterAll(async () => {
  await t.close();
  await remote.close();
});

const drain = () => runDueJobs(t.ctx.db, harvestJobHandlers(t.ctx));

async function addSource(body: Record<string, unknown>, token = f.tokens.admin) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/harvest-sources',
    headers: bearer(token),
    payload: { organisation: 'bolton', title: 'Remote portal', type: 'ckan', url: origin, ...body },
  });
}

describe('the harvest API', () => {
  it('adds a source, runs it in the background and shows the run and its log', async () => {
    const added = await addSource({});
    expect(added.statusCode).toBe(201);
    const source = added.json<{ id: string; organisation: string; failing: boolean }>();
    expect(source).toMatchObject({ organisation: 'bolton', failing: false });

    const run = await t.app.inject({
      method: 'POST',
      url: `/api/v1/harvest-sources/${source.id}/runs`,
      headers: bearer(f.tokens.admin),
    });
    expect(run.statusCode).toBe(202);
    expect(run.json()).toEqual({ queued: true });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/harvest-sources/${source.id}/runs`,
      headers: bearer(f.tokens.admin),
    });
    expect(again.json()).toEqual({ queued: false });
    await drain();

    const runs = await t.app.inject({
      url: `/api/v1/harvest-sources/${source.id}/runs`,
      headers: bearer(f.tokens.admin),
    });
    expect(runs.statusCode).toBe(200);
    const page = runs.json<{
      total: number;
      results: { id: string; status: string; created: number }[];
    }>();
    expect(page.total).toBe(1);
    expect(page.results[0]).toMatchObject({ status: 'succeeded' });
    expect(page.results[0]?.created).toBeGreaterThan(1);

    const detail = await t.app.inject({
      url: `/api/v1/harvest-runs/${page.results[0]?.id ?? ''}?per_page=2`,
      headers: bearer(f.tokens.admin),
    });
    expect(detail.statusCode).toBe(200);
    const items = detail.json<{ items: { total: number; results: { action: string }[] } }>().items;
    expect(items.total).toBe(page.results[0]?.created);
    expect(items.results).toHaveLength(2);
    expect(items.results.every((i) => i.action === 'created')).toBe(true);
  });

  it('keeps sources to their organisation’s administrators and site administrators', async () => {
    const list = await t.app.inject({
      url: '/api/v1/harvest-sources',
      headers: bearer(f.tokens.outsider),
    });
    expect(list.json<{ total: number }>().total).toBe(0);
    const mine = await t.app.inject({
      url: '/api/v1/harvest-sources',
      headers: bearer(f.tokens.admin),
    });
    const id = mine.json<{ results: { id: string }[] }>().results[0]?.id ?? '';
    const read = await t.app.inject({
      url: `/api/v1/harvest-sources/${id}`,
      headers: bearer(f.tokens.outsider),
    });
    expect(read.statusCode).toBe(404);
    const run = await t.app.inject({
      method: 'POST',
      url: `/api/v1/harvest-sources/${id}/runs`,
      headers: bearer(f.tokens.outsider),
    });
    expect(run.statusCode).toBe(404);
    expect((await addSource({}, f.tokens.editor)).statusCode).toBe(403);
    expect((await addSource({}, f.tokens.outsider)).statusCode).toBe(403);
  });

  it('refuses a URL that is not http(s) and an interval under 15 minutes, naming the field', async () => {
    const bad = await addSource({ url: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/url/);
    const often = await addSource({ interval_minutes: 5 });
    expect(often.statusCode).toBe(400);
    expect(often.body).toMatch(/interval_minutes/);
  });

  it('runs scheduled sources once when due, and flags one that fails three runs in a row', async () => {
    const added = await addSource({
      title: 'Gone portal',
      url: 'http://127.0.0.1:9/',
      interval_minutes: 15,
    });
    const id = added.json<{ id: string }>().id;
    for (let i = 0; i < 3; i++) {
      const at = new Date(Date.now() + i * 16 * 60_000 + 1_000);
      expect(await queueDueRuns(t.ctx, at)).toBeGreaterThanOrEqual(1);
      expect(await queueDueRuns(t.ctx, at)).toBe(0);
      await drain();
    }
    const source = await t.app.inject({
      url: `/api/v1/harvest-sources/${id}`,
      headers: bearer(f.tokens.admin),
    });
    expect(source.json()).toMatchObject({ consecutive_failures: 3, failing: true });
    const runs = await t.app.inject({
      url: `/api/v1/harvest-sources/${id}/runs`,
      headers: bearer(f.tokens.admin),
    });
    const results = runs.json<{ results: { status: string; error: string }[] }>().results;
    expect(results).toHaveLength(3);
    expect(results.every((r) => r.status === 'failed' && r.error.length > 0)).toBe(true);
  });
});
