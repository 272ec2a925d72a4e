import { describe, expect, it } from 'vitest';
import { demoActor } from '../../src/demo/seed.js';
import { seedDataRequests } from '../../src/demo/data-requests/seed-data-requests.js';
import { derivedId } from '../../src/features/data-requests/index.js';
import { TOILETS_ROLLUP } from '../../src/demo/rollups/seed-rollups.js';
import { CITIZEN_REPORTS_SLUG } from '../../src/features/reports/index.js';
import { seededDemo } from '../helpers/demo.js';

// What the demo's residents and bodies did: two years of reports, the Citizen reports dataset,
// the toilets roll-up and data requests.
describe('the demo region’s residents and bodies', () => {
  const demo = seededDemo();

  it('makes two years of synthetic reports through the reports feature, in every borough', async () => {
    const k = demo.ctx.db.kysely;
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
    expect(demo.summary.reports).toBe(reports.length);
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
    const k = demo.ctx.db.kysely;
    const dataset = await k
      .selectFrom('datasets as d')
      .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
      .innerJoin('resources as r', 'r.dataset_id', 'd.id')
      .innerJoin('datastore_versions as v', 'v.resource_id', 'r.id')
      .select(['o.slug', 'v.row_count', 'd.description'])
      .where('d.slug', '=', CITIZEN_REPORTS_SLUG)
      .execute();
    expect(dataset.map((d) => [d.slug, d.row_count])).toEqual([['gmca', demo.summary.reports]]);
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
    const rollup = await demo.ctx.db.kysely
      .selectFrom('rollups')
      .selectAll()
      .where('slug', '=', TOILETS_ROLLUP)
      .executeTakeFirstOrThrow();
    const members = await demo.ctx.db.kysely
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
    const rows = await demo.ctx.db.kysely
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
    expect(await seedDataRequests(demo.ctx, await demoActor(demo.ctx))).toBe(0);
  });
});
