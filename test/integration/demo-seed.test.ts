import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type SeedSummary } from '../../src/demo/seed.js';
import { BOROUGHS } from '../../src/demo/region/boroughs.js';
import { boroughIndexAt } from '../../src/demo/region/boundaries.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { LARGE_ROWS, sha256Of } from '../helpers/demo.js';
import { locate } from '../../src/features/areas/index.js';
import { lookupPostcode } from '../../src/features/places/index.js';

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
});
