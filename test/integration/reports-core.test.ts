import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  categoriesAt,
  confirmReport,
  createReport,
  getReport,
  postReportUpdate,
} from '../../src/features/reports/index.js';
import { anonymous } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { decodedBody, readOutbox } from '../helpers/mail.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// The core of citizen reports: the body that answers a category at a point gets the report,
// and a report by e-mail waits for its link.

let t: TestApp;
let fx: ReportFixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
}, 60_000);
afterAll(() => t.close());

const base = {
  description: 'A deep hole by the bus stop',
  source: 'web',
  clientAddress: '192.0.2.1',
} as const;

describe('routing a report', () => {
  it('offers the categories of the bodies answering at the point, the most local first', async () => {
    const { offers, located } = await categoriesAt(t.ctx, fx.points.west);
    expect(located.ward?.name).toBe('West North');
    expect(offers.map((o) => [o.category.code, o.body.slug]).sort()).toEqual([
      ['bus-shelters', 'transit'],
      ['fly-tipping', 'westshire'],
      ['potholes', 'westshire'],
    ]);
    const east = await categoriesAt(t.ctx, fx.points.east);
    expect(east.offers.find((o) => o.category.code === 'potholes')?.body.slug).toBe('eastshire');
  });

  it('refuses a category nobody answers there, and a missing required answer', async () => {
    await expect(
      createReport(t.ctx, fx.actors.resident, { ...base, category: 'graffiti', ...fx.points.west }),
    ).rejects.toMatchObject({ kind: 'validation' });
    await expect(
      createReport(t.ctx, fx.actors.resident, { ...base, category: 'potholes', ...fx.points.west }),
    ).rejects.toMatchObject({
      details: [{ field: 'attribute[blocking]', message: 'is required' }],
    });
  });

  it('refuses a point outside the region, naming it', async () => {
    await expect(
      createReport(t.ctx, fx.actors.resident, {
        ...base,
        category: 'potholes',
        ...fx.points.outside,
      }),
    ).rejects.toMatchObject({ code: 'outside_region' });
  });

  it('confirms a verified resident’s report at once, routed to the borough and ward', async () => {
    const { report, needsConfirmation } = await createReport(t.ctx, fx.actors.resident, {
      ...base,
      category: 'potholes',
      attributes: { blocking: 'yes' },
      ...fx.points.east,
    });
    expect(needsConfirmation).toBe(false);
    expect(report.state).toBe('confirmed');
    expect(report.ward_name).toBe('East South');
    const detail = await getReport(t.ctx, anonymous, report.id);
    expect(detail.category.code).toBe('potholes');
  });

  it('holds an anonymous report until the mailed link is followed, once', async () => {
    const { report, needsConfirmation } = await createReport(t.ctx, anonymous, {
      ...base,
      category: 'fly-tipping',
      email: 'walker@example.com',
      ...fx.points.west,
    });
    expect(needsConfirmation).toBe(true);
    await expect(getReport(t.ctx, anonymous, report.id)).rejects.toMatchObject({
      kind: 'not_found',
    });
    const mail = decodedBody((await readOutbox(t.ctx)).at(-1) ?? '');
    expect(mail).toContain('To: walker@example.com');
    const token = /\/report\/confirm\/([\w-]+)/.exec(mail)?.[1] ?? '';
    const confirmed = await confirmReport(t.ctx, token);
    expect(confirmed.state).toBe('confirmed');
    expect((await getReport(t.ctx, anonymous, report.id)).report.id).toBe(report.id);
    await expect(confirmReport(t.ctx, 'not-a-token')).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('updates from the body', () => {
  it('moves the status and times, and only the body’s staff may post one', async () => {
    const { report } = await createReport(t.ctx, fx.actors.resident, {
      ...base,
      category: 'fly-tipping',
      ...fx.points.west,
    });
    await expect(
      postReportUpdate(t.ctx, fx.actors.otherResident, report.id, {
        status: 'fixed',
        text: 'x',
        source: 'web',
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await postReportUpdate(t.ctx, fx.actors.westEditor, report.id, {
      status: 'fixed',
      text: 'Cleared this morning',
      source: 'web',
    });
    const detail = await getReport(t.ctx, anonymous, report.id);
    expect(detail.report.status).toBe('fixed');
    expect(detail.report.fixed_at).not.toBeNull();
    expect(detail.updates.map((u) => [u.status, u.text])).toEqual([
      ['fixed', 'Cleared this morning'],
    ]);
    await expect(
      postReportUpdate(t.ctx, fx.actors.westEditor, report.id, {
        status: 'mended',
        text: '',
        source: 'web',
      }),
    ).rejects.toMatchObject({ kind: 'validation' });
  });
});
