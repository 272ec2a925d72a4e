import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/features/accounts/index.js';
import { getReport, importReports, type ImportedReport } from '../../src/features/reports/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Reports brought in with their own history (the demo's): routed like any report, with the
// times and updates given, all or nothing, by site administrators only.

let t: TestApp;
let fx: ReportFixture;

beforeAll(async () => {
  t = await createTestApp({ jobPollIntervalMs: 3_600_000 });
  fx = await seedReportFixture(t.ctx);
}, 60_000);
afterAll(() => t.close());

const pothole = (over: Partial<ImportedReport> = {}): ImportedReport => ({
  category: 'potholes',
  ...fx.points.east,
  description: 'Old hole',
  attributes: { blocking: 'no' },
  reporter: { name: 'Someone (synthetic)', email: 'someone@example.org' },
  createdAt: '2025-03-01T09:00:00.000Z',
  updates: [
    { status: 'investigating', text: 'Looking', at: '2025-03-02T09:00:00.000Z' },
    { status: 'fixed', text: 'Filled', at: '2025-03-05T09:00:00.000Z' },
  ],
  supporters: [{ email: 'neighbour@example.org', at: '2025-03-01T18:00:00.000Z' }],
  ...over,
});

const count = async () =>
  (await t.ctx.db.kysely.selectFrom('reports').select('id').execute()).length;

describe('importing reports with their history', () => {
  it('is for site administrators only', async () => {
    await expect(
      importReports(t.ctx, fx.actors.westEditor, [pothole()], { source: 'demo' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      importReports(t.ctx, fx.actors.resident, [pothole()], { source: 'demo' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await count()).toBe(0);
  });

  it('writes nothing when one report is wrong, and says which', async () => {
    await expect(
      importReports(
        t.ctx,
        fx.actors.admin,
        [
          pothole(),
          pothole({ category: 'graffiti' }),
          pothole({ attributes: {} }),
          pothole({ updates: [{ status: 'mended', text: 'x', at: '2025-02-01T00:00:00.000Z' }] }),
        ],
        { source: 'demo' },
      ),
    ).rejects.toMatchObject({
      kind: 'validation',
      details: expect.arrayContaining([
        expect.objectContaining({ field: 'reports[1].category' }),
        expect.objectContaining({ field: 'reports[2].attribute[blocking]' }),
        expect.objectContaining({ field: 'reports[3].updates[0].at' }),
        expect.objectContaining({ field: 'reports[3].updates[0].status' }),
      ]) as unknown,
    });
    expect(await count()).toBe(0);
  });

  it('routes each report to its body, with the times, status and updates given', async () => {
    expect(await importReports(t.ctx, fx.actors.admin, [pothole()], { source: 'demo' })).toEqual({
      imported: 1,
    });
    const row = await t.ctx.db.kysely.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: 'confirmed',
      status: 'fixed',
      source: 'demo',
      send_state: 'sent',
      ward_name: 'East South',
      created_at: '2025-03-01T09:00:00.000Z',
      confirmed_at: '2025-03-01T09:00:00.000Z',
      fixed_at: '2025-03-05T09:00:00.000Z',
      status_changed_at: '2025-03-05T09:00:00.000Z',
      supporters_count: 1,
    });
    const detail = await getReport(t.ctx, anonymous, row.id);
    expect(detail.updates.map((u) => [u.status, u.text])).toEqual([
      ['investigating', 'Looking'],
      ['fixed', 'Filled'],
    ]);
    const body = await t.ctx.db.kysely
      .selectFrom('organisations')
      .select('slug')
      .where('id', '=', row.organisation_id)
      .executeTakeFirstOrThrow();
    expect(body.slug).toBe('eastshire');
    // Nothing is sent again, and the open dataset follows (the harvest schedule's, the
    // roll-ups' watch, the quality scores' and the clean-ups' jobs, which every app queues when
    // it starts, are not the import's doing).
    const jobs = await t.ctx.db.kysely
      .selectFrom('jobs')
      .select('kind')
      .where('kind', 'not in', [
        'harvest.due',
        'rollups.watch',
        'quality.rescore',
        'quality.links',
        'blobs.clean-up',
        'jobs.clean-up',
      ])
      .execute();
    expect(jobs.map((j) => j.kind)).toEqual(['reports.dataset']);
  });
});
