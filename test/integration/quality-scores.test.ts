import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLinkResource, patchDataset } from '../../src/features/catalog/index.js';
import { checkDueLinks, rescorePass } from '../../src/features/quality/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';

// Scores are stored and recomputed when a dataset changes; links are checked against a real
// HTTP server on loopback (allowed by the test's configuration, as the harvest tests do).

let ctx: TestContext;
let fx: Fixture;
let server: Server;
let base = '';
const seen: { method: string; path: string; at: number }[] = [];

const score = (slug: string) =>
  ctx.db.kysely
    .selectFrom('quality_scores as q')
    .innerJoin('datasets as d', 'd.id', 'q.dataset_id')
    .selectAll('q')
    .where('d.slug', '=', slug)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', at: Date.now() });
    if (req.url === '/ok.csv') res.writeHead(200, { 'content-type': 'text/csv' }).end('a\n1\n');
    else if (req.url === '/no-head.csv' && req.method === 'HEAD') res.writeHead(405).end();
    else if (req.url === '/no-head.csv') res.writeHead(200).end('a\n1\n');
    else res.writeHead(404).end('gone');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  ctx = await createTestContext({ outboundAllowedPrivate: '127.0.0.1' });
  fx = await seedFixture(ctx);
});

afterAll(async () => {
  await ctx.cleanup();
  await new Promise((resolve) => server.close(resolve));
});

describe('quality scores', () => {
  it('scores every dataset, and names what is missing with its fix', async () => {
    expect(await rescorePass(ctx)).toBe(5);
    const bus = await score('bus-punctuality');
    // Open licence, but no resource: one star; no resource costs accessibility and more.
    expect(bus.stars).toBe(1);
    expect(bus.accessibility).toBe(0);
    const report = JSON.parse(bus.report) as { checks: { indicator: string; fix: string }[] };
    const fixes = report.checks.map((c) => c.fix);
    expect(fixes).toContain('add a temporal coverage (the period the data covers)');
    expect(fixes).toContain('add a contact (a team name and email address)');
    // Nothing changed: nothing is scored again.
    expect(await rescorePass(ctx)).toBe(0);
  });

  it('scores a dataset again when it changes', async () => {
    const before = await score('bus-punctuality');
    await new Promise((r) => setTimeout(r, 5));
    await patchDataset(ctx, fx.editorActor, 'bus-punctuality', {
      temporal_coverage: { start: '2024-01-01', end: null },
      contact: { name: 'Transport team', email: 'transport@bolton.example' },
    });
    expect(await rescorePass(ctx)).toBe(1);
    const after = await score('bus-punctuality');
    expect(after.findability - before.findability).toBe(20);
    expect(after.reusability - before.reusability).toBe(20);
  });

  it('checks links (HEAD, then GET), one request a second per host, and a 404 lowers accessibility', async () => {
    for (const [name, path] of [
      ['Timetable', '/ok.csv'],
      ['Routes', '/no-head.csv'],
      ['Old stops', '/gone.csv'],
    ] as const) {
      await addLinkResource(ctx, fx.editorActor, 'bus-punctuality', {
        name,
        url: `${base}${path}`,
        format: 'CSV',
      });
    }
    await rescorePass(ctx);
    expect((await score('bus-punctuality')).unchecked_links).toBe(3);

    seen.length = 0;
    expect(await checkDueLinks(ctx)).toBe(3);
    // HEAD to each, then GET where HEAD failed (405 and 404): five requests, a second apart.
    expect(seen.map((s) => s.method).sort()).toEqual(['GET', 'GET', 'HEAD', 'HEAD', 'HEAD']);
    // Arrival times jitter by the connection's set-up; without the pacing they are ms apart.
    for (let i = 1; i < seen.length; i++) {
      expect((seen[i]?.at ?? 0) - (seen[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    }
    expect((seen.at(-1)?.at ?? 0) - (seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(3900);
    const checks = await ctx.db.kysely.selectFrom('link_checks').selectAll().execute();
    expect(checks.map((c) => c.status).sort()).toEqual([200, 200, 404]);

    // The checker scores the datasets it checked: no pass needed.
    const bus = await score('bus-punctuality');
    expect(bus.broken_links).toBe(1);
    expect(bus.unchecked_links).toBe(0);
    const report = JSON.parse(bus.report) as { checks: { indicator: string; reason: string }[] };
    const access = report.checks.find((c) => c.indicator === 'Access URL answers');
    expect(access?.reason).toBe('“Old stops”: this link answers 404');
    // Checked links are not checked again until the interval passes.
    expect(await checkDueLinks(ctx)).toBe(0);
  }, 20_000);

  it('scores everything again when the change log no longer reaches back to its last pass', async () => {
    const k = ctx.db.kysely;
    const live = await k
      .selectFrom('datasets')
      .select('id')
      .where('state', '!=', 'deleted')
      .execute();
    const pruned = k.updateTable('meta').where('key', '=', 'search_changes_pruned');
    const before = await k
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'search_changes_pruned')
      .executeTakeFirstOrThrow();
    await pruned.set({ value: String(Number.MAX_SAFE_INTEGER) }).execute();
    try {
      expect(await rescorePass(ctx)).toBe(live.length);
    } finally {
      await pruned.set({ value: before.value }).execute();
    }
    expect(await rescorePass(ctx)).toBe(0);
  });

  it('refuses a private address that is not allowed, and records why', async () => {
    const strict = await createTestContext();
    try {
      const f = await seedFixture(strict);
      await addLinkResource(strict, f.wiganActor, 'air-quality', {
        name: 'Inside',
        url: `${base}/ok.csv`,
        format: 'CSV',
      });
      seen.length = 0;
      await checkDueLinks(strict);
      expect(seen).toHaveLength(0);
      const [check] = await strict.db.kysely.selectFrom('link_checks').selectAll().execute();
      expect(check?.status).toBeNull();
      expect(check?.error).toMatch(/^refused: .*private address/);
    } finally {
      await strict.cleanup();
    }
  });
});
