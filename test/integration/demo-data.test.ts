import { describe, expect, it } from 'vitest';
import { BOROUGHS } from '../../src/demo/region/boroughs.js';
import { boroughIndexAt } from '../../src/demo/region/boundaries.js';
import { ALL_REQUESTS_SLUG } from '../../src/demo/datasets/service-requests-large.js';
import { CITIZEN_REPORTS_SLUG } from '../../src/features/reports/index.js';
import { type TestContext } from '../helpers/context.js';
import {
  LARGE_ROWS,
  resourceHashes,
  seededDemo,
  seedSmall,
  withFreshContext,
} from '../helpers/demo.js';
import { isLoadable } from '../../src/features/datastore/index.js';

// The demo's files loaded into the datastore, its large Parquet table, its quality scores, and
// the same bytes on every seed.
describe('the demo region’s data', () => {
  const demo = seededDemo();

  it('loads every tabular and geographic file into the datastore, as version 1', async () => {
    const k = demo.ctx.db.kysely;
    const files = await k
      .selectFrom('resources')
      .select(['id', 'name', 'format'])
      .where('blob_key', 'is not', null)
      .execute();
    const loadable = files.filter((f) => isLoadable(f.format));
    const loads = await k.selectFrom('datastore_loads').select(['resource_id', 'status']).execute();
    const versions = await k
      .selectFrom('datastore_versions')
      .select(['resource_id', 'version', 'row_count'])
      .execute();
    expect(loadable.length).toBeGreaterThanOrEqual(40);
    expect(demo.summary.loads).toBe(loadable.length);
    for (const f of loadable) {
      expect(
        loads.filter((l) => l.resource_id === f.id).map((l) => l.status),
        f.name,
      ).toEqual(['succeeded']);
      const version = versions.find((v) => v.resource_id === f.id);
      expect(version?.version, f.name).toBe(1);
      expect(version?.row_count, f.name).toBeGreaterThan(0);
    }
  });

  it('publishes all service requests as Parquet, largeRows of them, with typed fields', async () => {
    const k = demo.ctx.db.kysely;
    const resource = await k
      .selectFrom('resources as r')
      .innerJoin('datasets as d', 'd.id', 'r.dataset_id')
      .select(['r.id', 'r.format', 'd.title'])
      .where('d.slug', '=', ALL_REQUESTS_SLUG)
      .executeTakeFirstOrThrow();
    expect(resource).toMatchObject({ format: 'PARQUET', title: 'Service requests (all)' });
    const version = await k
      .selectFrom('datastore_versions')
      .select(['row_count', 'fields', 'blob_key'])
      .where('resource_id', '=', resource.id)
      .executeTakeFirstOrThrow();
    expect(version.row_count).toBe(LARGE_ROWS);
    const types = Object.fromEntries(
      (JSON.parse(version.fields) as { name: string; type: string }[]).map((f) => [f.name, f.type]),
    );
    expect(types).toMatchObject({
      id: 'integer',
      reported_at: 'timestamp',
      borough: 'text',
      locality: 'text',
      category: 'text',
      status: 'text',
      closed_at: 'timestamp',
      days_to_close: 'integer',
      lat: 'decimal',
      lon: 'decimal',
      description: 'text',
    });

    const file = demo.ctx.blobs.localPath(version.blob_key) ?? '';
    const [facts] = await demo.ctx.engine.all(
      `SELECT count(DISTINCT id)::INTEGER AS ids, count(DISTINCT borough)::INTEGER AS boroughs,
        count(DISTINCT category)::INTEGER AS categories, min(reported_at) AS first,
        max(reported_at) AS last, list(DISTINCT status ORDER BY status) AS statuses,
        count(*) FILTER ((status = 'closed') <> (closed_at IS NOT NULL))::INTEGER AS bad_closed,
        count(*) FILTER (closed_at < reported_at OR days_to_close < 0)::INTEGER AS bad_order
      FROM read_parquet(?)`,
      [file],
    );
    expect(facts).toMatchObject({
      ids: LARGE_ROWS,
      boroughs: 10,
      categories: 9,
      statuses: ['closed', 'in progress', 'open'],
      bad_closed: 0,
      bad_order: 0,
    });
    expect(String(facts?.first)).toMatch(/^2023-01-01/);
    expect(String(facts?.last)).toMatch(/^2024-12-31/);

    // Every point lies inside the demo boundary of its own borough.
    const points = await demo.ctx.engine.all('SELECT borough, lat, lon FROM read_parquet(?)', [
      file,
    ]);
    const outside = points.filter(
      (p) => BOROUGHS[boroughIndexAt(Number(p.lon), Number(p.lat))]?.name !== p.borough,
    );
    expect(outside).toEqual([]);
  });

  // The Parquet file of all service requests too: DuckDB writes the same rows the same way.
  // Not the citizen reports: their file is the reports table's, whose ids the system draws.
  it('scores every dataset for quality, checking no link while seeding', async () => {
    const k = demo.ctx.db.kysely;
    const datasets = await k
      .selectFrom('datasets')
      .select('id')
      .where('state', '!=', 'deleted')
      .execute();
    const scores = await k.selectFrom('quality_scores').select(['stars', 'total']).execute();
    expect(scores).toHaveLength(datasets.length);
    expect(scores.every((s) => s.total > 0)).toBe(true);
    expect(await k.selectFrom('link_checks').selectAll().execute()).toHaveLength(0);
    expect(await k.selectFrom('quality_snapshots').selectAll().execute()).not.toHaveLength(0);
  });

  it('is the same, byte for byte, every time it is seeded', async () => {
    const files = async (c: TestContext) =>
      (await resourceHashes(c)).filter((h) => !h.startsWith(`${CITIZEN_REPORTS_SLUG}/`));
    const first = await files(demo.ctx);
    const second = await withFreshContext((fresh) => seedSmall(fresh).then(() => files(fresh)));
    expect(first.length).toBeGreaterThan(15);
    expect(first.some((h) => h.startsWith(`${ALL_REQUESTS_SLUG}/`))).toBe(true);
    expect(second).toEqual(first);
  }, 120_000);
});
