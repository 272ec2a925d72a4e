import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../src/features/organisations/organisation.service.js';
import { demoActor, seedDemo, seedDemoIfEmpty, type SeedSummary } from '../../src/demo/seed.js';
import { seedDataRequests } from '../../src/demo/data-requests/seed-data-requests.js';
import { derivedId } from '../../src/features/data-requests/index.js';
import { BOROUGHS } from '../../src/demo/region/boroughs.js';
import { boroughIndexAt } from '../../src/demo/region/boundaries.js';
import { DEMO_DATASETS } from '../../src/demo/datasets/datasets.js';
import { TOILETS_ROLLUP } from '../../src/demo/rollups/seed-rollups.js';
import { ALL_REQUESTS_SLUG } from '../../src/demo/datasets/service-requests-large.js';
import { CITIZEN_REPORTS_SLUG } from '../../src/features/reports/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { isLoadable } from '../../src/features/datastore/index.js';
import { locate } from '../../src/features/areas/index.js';
import { lookupPostcode } from '../../src/features/places/index.js';

async function sha256Of(stream: Readable): Promise<{ size: number; sha256: string }> {
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
const LARGE_ROWS = 20_000;
const seedSmall = (ctx: TestContext) => seedDemo(ctx, { force: false, largeRows: LARGE_ROWS });

/** Every file resource as "dataset/name sha256", in a stable order. */
async function resourceHashes(ctx: TestContext): Promise<string[]> {
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
async function withFreshContext<T>(fn: (ctx: TestContext) => Promise<T>): Promise<T> {
  const ctx = await createTestContext();
  try {
    return await fn(ctx);
  } finally {
    await ctx.cleanup();
  }
}

describe('seeding the demo region', () => {
  let ctx: TestContext;
  let summary: SeedSummary;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    summary = await seedDemo(ctx, {
      force: false,
      largeRows: LARGE_ROWS,
      progress: (done, total) => progress.push([done, total]),
    });
  }, 180_000);
  afterAll(() => ctx.cleanup());

  it('publishes at least 30 datasets across at least 10 themes', async () => {
    const k = ctx.db.kysely;
    const datasets = await k
      .selectFrom('datasets')
      .select(['slug', 'state', 'visibility'])
      .execute();
    const themes = await k.selectFrom('dataset_themes').select('theme').distinct().execute();
    expect(datasets.length).toBeGreaterThanOrEqual(30);
    expect(themes.length).toBeGreaterThanOrEqual(10);
    expect(summary.datasets).toBe(datasets.length);
    // The demo shows unpublished data too.
    expect(datasets.some((d) => d.state === 'draft')).toBe(true);
    expect(datasets.some((d) => d.visibility === 'private')).toBe(true);
  });

  it('creates 12+ organisations with area codes, the ten boroughs with their ONS codes', async () => {
    const orgs = await ctx.db.kysely
      .selectFrom('organisations')
      .select(['slug', 'kind', 'area_code', 'boundary'])
      .execute();
    expect(summary.organisations).toBe(orgs.length);
    expect(orgs.filter((o) => o.area_code).length).toBeGreaterThanOrEqual(12);
    const councils = orgs.filter((o) => o.kind === 'council');
    expect(councils.map((o) => o.area_code).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `E08${String(i + 1).padStart(6, '0')}`),
    );
    expect(orgs.find((o) => o.slug === 'bolton-council')?.area_code).toBe('E08000001');
    expect(orgs.find((o) => o.slug === 'gmca')?.kind).toBe('combined-authority');
    for (const o of orgs) {
      expect(JSON.parse(o.boundary ?? 'null')).toMatchObject({ type: 'Polygon' });
    }
  });

  it('has every council publish at least one public, active dataset', async () => {
    const k = ctx.db.kysely;
    const councils = await k
      .selectFrom('organisations')
      .select(['id', 'slug'])
      .where('kind', '=', 'council')
      .execute();
    const published = await k
      .selectFrom('datasets')
      .select('organisation_id')
      .where('state', '=', 'active')
      .where('visibility', '=', 'public')
      .execute();
    const publishers = new Set(published.map((d) => d.organisation_id));
    expect(councils).toHaveLength(10);
    expect(councils.filter((c) => !publishers.has(c.id)).map((c) => c.slug)).toEqual([]);
  });

  it('publishes at least three datasets each on digital inclusion and broadband', async () => {
    const rows = await ctx.db.kysely
      .selectFrom('dataset_themes as t')
      .innerJoin('datasets as d', 'd.id', 't.dataset_id')
      .select(['t.theme', 'd.slug'])
      .where('d.state', '=', 'active')
      .where('d.visibility', '=', 'public')
      .execute();
    for (const theme of ['digital-inclusion', 'broadband']) {
      const slugs = rows.filter((r) => r.theme === theme).map((r) => r.slug);
      expect(slugs.length, theme).toBeGreaterThanOrEqual(3);
    }
  });

  it('stores every file with the size and SHA-256 it recorded', async () => {
    const files = await ctx.db.kysely
      .selectFrom('resources')
      .select(['blob_key', 'size', 'sha256'])
      .where('blob_key', 'is not', null)
      .execute();
    expect(files.length).toBeGreaterThanOrEqual(summary.datasets);
    for (const f of files) {
      const stored = await sha256Of(await ctx.blobs.get(f.blob_key ?? ''));
      expect(stored).toEqual({ size: Number(f.size), sha256: f.sha256 });
    }
  });

  it('says in every dataset and organisation description that the data is synthetic', async () => {
    const k = ctx.db.kysely;
    const texts = [
      ...(await k.selectFrom('datasets').select('description').execute()),
      ...(await k.selectFrom('organisations').select('description').execute()),
    ];
    for (const t of texts) expect(t.description).toMatch(/synthetic/i);
  });

  it('creates the region with an approximate boundary and its settings', async () => {
    const region = await ctx.db.kysely.selectFrom('regions').selectAll().executeTakeFirstOrThrow();
    expect(region.name).toBe('Greater Manchester');
    expect(JSON.parse(region.boundary ?? 'null')).toMatchObject({ type: 'Polygon' });
    // The term the promise tracker counts from: the real mayor took office in May 2024.
    expect(JSON.parse(region.settings)).toMatchObject({ mayorTermStart: '2024-05-10' });
  });

  it('gives each borough five synthetic wards, and routes its centre to them', async () => {
    const wards = await ctx.db.kysely.selectFrom('wards').select(['code', 'name']).execute();
    expect(wards).toHaveLength(BOROUGHS.length * 5);
    for (const w of wards) {
      expect(w.name).toMatch(/\(synthetic\)$/);
      expect(w.code).toMatch(/^X05/);
    }
    for (const b of BOROUGHS) {
      const here = await locate(ctx, { lat: b.lat, lon: b.lon });
      expect(here.organisations[0]?.slug).toBe(b.orgSlug);
      expect(here.ward?.name).toBe(`${b.name} Central (synthetic)`);
      expect(here.organisations.map((o) => o.slug)).toContain('tfgm');
    }
  });

  it('reports progress up to its total', () => {
    const last = progress.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
    expect(progress.every(([done, total]) => done <= total)).toBe(true);
  });

  it('refuses to seed a catalogue that already has organisations, unless forced', async () => {
    await expect(seedDemo(ctx, { force: false })).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/already has 14 organisation/) as unknown,
    });
    // Forced, it only adds what is missing: here, nothing.
    expect(await seedDemo(ctx, { force: true, largeRows: LARGE_ROWS })).toEqual({
      organisations: 0,
      datasets: 0,
      resources: 0,
      loads: 0,
      postcodes: 0,
      reports: 0,
      publisher: null,
    });
  });

  it('adds a few hundred synthetic postcodes, each inside its borough and labelled as made up', async () => {
    const rows = await ctx.db.kysely.selectFrom('postcodes').selectAll().execute();
    expect(summary.postcodes).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.every((r) => r.source === 'synthetic (demo)')).toBe(true);
    for (const r of rows) {
      const borough = BOROUGHS[boroughIndexAt(r.longitude, r.latitude)];
      expect(borough?.code, r.postcode).toBe(r.local_authority_code);
    }
    // The one the docs suggest trying.
    expect(await lookupPostcode(ctx, 'm1 1aa')).toMatchObject({
      postcode: 'M1 1AA',
      local_authority_code: 'E08000003',
      source: 'synthetic (demo)',
    });
  });

  it('loads every tabular and geographic file into the datastore, as version 1', async () => {
    const k = ctx.db.kysely;
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
    expect(summary.loads).toBe(loadable.length);
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
    const k = ctx.db.kysely;
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

    const file = ctx.blobs.localPath(version.blob_key) ?? '';
    const [facts] = await ctx.engine.all(
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
    const points = await ctx.engine.all('SELECT borough, lat, lon FROM read_parquet(?)', [file]);
    const outside = points.filter(
      (p) => BOROUGHS[boroughIndexAt(Number(p.lon), Number(p.lat))]?.name !== p.borough,
    );
    expect(outside).toEqual([]);
  });

  // The Parquet file of all service requests too: DuckDB writes the same rows the same way.
  // Not the citizen reports: their file is the reports table's, whose ids the system draws.
  it('scores every dataset for quality, checking no link while seeding', async () => {
    const k = ctx.db.kysely;
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
    const first = await files(ctx);
    const second = await withFreshContext((fresh) => seedSmall(fresh).then(() => files(fresh)));
    expect(first.length).toBeGreaterThan(15);
    expect(first.some((h) => h.startsWith(`${ALL_REQUESTS_SLUG}/`))).toBe(true);
    expect(second).toEqual(first);
  }, 120_000);

  it('makes two years of synthetic reports through the reports feature, in every borough', async () => {
    const k = ctx.db.kysely;
    const reports = await k
      .selectFrom('reports as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select([
        'r.id',
        'r.source',
        'r.state',
        'r.status',
        'r.created_at',
        'r.fixed_at',
        'r.reporter_name',
        'r.reporter_email',
        'r.supporters_count',
        'o.slug',
      ])
      .execute();
    expect(summary.reports).toBe(reports.length);
    expect(reports.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(reports.map((r) => r.source))).toEqual(new Set(['demo']));
    expect(new Set(reports.map((r) => r.state))).toEqual(new Set(['confirmed']));
    // Every council and the transport authority answer some.
    expect(new Set(reports.map((r) => r.slug)).size).toBe(11);
    const statuses = new Set(reports.map((r) => r.status));
    for (const s of ['open', 'fixed', 'closed', 'investigating']) expect(statuses).toContain(s);
    const fixed = reports.filter((r) => r.status === 'fixed');
    expect(fixed.length / reports.length).toBeGreaterThan(0.6);
    expect(fixed.every((r) => r.fixed_at !== null && r.fixed_at > r.created_at)).toBe(true);
    const times = reports.map((r) => Date.parse(r.created_at)).sort((a, b) => a - b);
    const DAY = 86_400_000;
    expect(Date.now() - (times[0] ?? 0)).toBeGreaterThan(700 * DAY);
    expect(Date.now() - (times.at(-1) ?? 0)).toBeLessThan(10 * DAY);
    expect(reports.every((r) => r.reporter_name?.endsWith('(synthetic)'))).toBe(true);
    expect(reports.every((r) => r.reporter_email?.endsWith('.invalid'))).toBe(true);
    expect(reports.some((r) => r.supporters_count > 0)).toBe(true);
    const updates = await k.selectFrom('report_updates').select('id').execute();
    expect(updates.length).toBeGreaterThan(reports.length);
    expect(await k.selectFrom('report_photos').select('id').execute()).toEqual([]);
  });

  it('publishes them as the Citizen reports dataset, with its indicators and dashboard', async () => {
    const k = ctx.db.kysely;
    const dataset = await k
      .selectFrom('datasets as d')
      .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
      .innerJoin('resources as r', 'r.dataset_id', 'd.id')
      .innerJoin('datastore_versions as v', 'v.resource_id', 'r.id')
      .select(['o.slug', 'v.row_count', 'd.description'])
      .where('d.slug', '=', CITIZEN_REPORTS_SLUG)
      .execute();
    expect(dataset.map((d) => [d.slug, d.row_count])).toEqual([['gmca', summary.reports]]);
    expect(dataset[0]?.description).toMatch(/synthetic/i);
    const indicators = await k.selectFrom('indicators').select('slug').execute();
    expect(indicators.map((i) => i.slug)).toEqual(
      expect.arrayContaining(['potholes-median-days-to-fixed', 'citizen-reports-still-open']),
    );
    const dashboard = await k
      .selectFrom('dashboards')
      .select('tiles')
      .where('slug', '=', 'citizen-reports-by-borough')
      .executeTakeFirstOrThrow();
    // Every tile made it: the indicators exist and the charts' data is loaded.
    expect(JSON.parse(dashboard.tiles)).toHaveLength(8);
    // The promise that used the old sample now points at the reports.
    const evidence = await k.selectFrom('promise_status_changes').select('evidence').execute();
    const links = evidence.map((e) => e.evidence).join(' ');
    expect(links).toContain('/datasets/citizen-reports');
    expect(links).not.toContain('service-requests-sample');
  });

  it('builds the public toilets roll-up: three councils in, Stockport failing, the rest missing', async () => {
    const rollup = await ctx.db.kysely
      .selectFrom('rollups')
      .selectAll()
      .where('slug', '=', TOILETS_ROLLUP)
      .executeTakeFirstOrThrow();
    const members = await ctx.db.kysely
      .selectFrom('rollup_members as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.slug', 'm.status', 'm.report', 'm.included'])
      .where('m.rollup_id', '=', rollup.id)
      .orderBy('o.slug')
      .execute();
    expect(members.filter((m) => m.included === 1).map((m) => m.slug)).toEqual([
      'bolton-council',
      'bury-council',
      'oldham-council',
    ]);
    const stockport = members.find((m) => m.slug === 'stockport-council');
    expect(stockport?.status).toBe('fail');
    expect(stockport?.report).toContain('bad_date');
    expect(rollup).toMatchObject({ built_version: 1, built_rows: 15 });
  });

  it('asks for data in every status, labelled synthetic, one released as a demo dataset', async () => {
    const rows = await ctx.db.kysely
      .selectFrom('data_requests as r')
      .leftJoin('datasets as d', 'd.id', 'r.dataset_id')
      .select(['r.id', 'r.status', 'r.purpose', 'd.slug'])
      .orderBy('r.created_at')
      .execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['new', 'under_consideration', 'accepted', 'released', 'refused']),
    );
    expect(rows.every((r) => r.purpose.includes('SYNTHETIC'))).toBe(true);
    expect(rows.find((r) => r.status === 'released')?.slug).toBe('ev-charge-points');
    // Ids come from the demo's keys: seeding again writes nothing new.
    expect(rows.map((r) => r.id)).toContain(derivedId('demo/ev-charge-point-availability'));
    expect(await seedDataRequests(ctx, await demoActor(ctx))).toBe(0);
  });
});

describe('council demo datasets', () => {
  it('place every point and outline inside the borough of the council that publishes them', () => {
    for (const d of DEMO_DATASETS) {
      const index = BOROUGHS.findIndex((b) => b.orgSlug === d.meta.organisation);
      if (index < 0) continue;
      for (const file of d.files.filter((f) => f.format === 'GeoJSON')) {
        const collection = JSON.parse(file.build()) as {
          features: { geometry: { type: string; coordinates: unknown } }[];
        };
        const positions = collection.features.flatMap(({ geometry: g }) =>
          g.type === 'Point'
            ? [g.coordinates as [number, number]]
            : (g.coordinates as [number, number][][]).flat(),
        );
        expect(positions.length, file.fileName).toBeGreaterThan(0);
        const outside = positions.filter(([lon, lat]) => boroughIndexAt(lon, lat) !== index);
        expect(outside, file.fileName).toEqual([]);
      }
    }
  });
});

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
