import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import {
  createReport,
  getReport,
  postReportUpdate,
  publicReporterName,
} from '../../src/features/reports/index.js';
import { anonymous } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { $, PageClient } from '../helpers/pages.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// A resident's own reports: listed for them alone; the description corrected for a while;
// the name taken off for good; a report marked fixed reopened when it is not.

const PASSWORD = 'resident password 123';
let t: TestApp;
let fx: ReportFixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
  await setPassword(t.ctx, fx.emails.resident, PASSWORD);
}, 60_000);
afterAll(() => t.close());

async function report(who: 'resident' | 'otherResident', description: string, showName = true) {
  const { report } = await createReport(t.ctx, fx.actors[who], {
    category: 'fly-tipping',
    ...fx.points.west,
    description,
    name: who === 'resident' ? 'Rita Resident' : 'Nick Neighbour',
    showName,
    source: 'web',
    clientAddress: '192.0.2.30',
  });
  return report;
}

const api = (method: 'GET' | 'PATCH' | 'POST', url: string, token: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });

async function jobsOfKind(kind: string) {
  return t.ctx.db.kysely.selectFrom('jobs').selectAll().where('kind', '=', kind).execute();
}

describe('your reports', () => {
  it('lists only the reports you made, by page and by API', async () => {
    const mine = await report('resident', 'Sofa on the verge');
    const theirs = await report('otherResident', 'Tyres by the canal');
    const res = await api('GET', '/api/v1/me/reports?per_page=50', fx.tokens.resident);
    expect(res.statusCode).toBe(200);
    const ids = res.json<{ results: { id: string }[] }>().results.map((r) => r.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const first = res.json<{ results: Record<string, unknown>[] }>().results[0];
    expect(first).toMatchObject({
      body: { slug: 'westshire', name: 'Westshire Council' },
      category: { code: 'fly-tipping' },
      status: 'open',
      public_name: 'Rita Resident',
    });

    const browser = new PageClient(t.app);
    await browser.signIn(fx.emails.resident, PASSWORD);
    const page = await browser.get('/account/reports');
    expect(page.statusCode).toBe(200);
    const text = $(page.body)('main').text();
    expect(text).toContain('Sofa on the verge');
    expect(text).toContain('Westshire Council');
    expect(text).not.toContain('Tyres by the canal');
    expect($(page.body)(`a[href="/reports/${mine.id}"]`).length).toBe(1);
  });

  it('lets you correct the description within the window, logged, then no more', async () => {
    const mine = await report('resident', 'Fridge in the lane');
    const refreshBefore = await jobsOfKind('reports.dataset');
    await t.ctx.db.kysely.deleteFrom('jobs').where('kind', '=', 'reports.dataset').execute();
    expect(refreshBefore.length).toBeGreaterThan(0);

    const ok = await api('PATCH', `/api/v1/reports/${mine.id}`, fx.tokens.resident, {
      description: 'Fridge and freezer in the lane',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ description: string }>().description).toBe('Fridge and freezer in the lane');
    expect((await getReport(t.ctx, anonymous, mine.id)).report.description).toBe(
      'Fridge and freezer in the lane',
    );
    const log = await t.ctx.db.kysely
      .selectFrom('activities')
      .selectAll()
      .where('subject_type', '=', 'report')
      .where('subject_id', '=', mine.id)
      .execute();
    expect(log.map((a) => a.action)).toEqual(['report.edited']);
    expect(JSON.parse(log[0]?.diff ?? '{}')).toEqual({
      description: { from: 'Fridge in the lane', to: 'Fridge and freezer in the lane' },
    });
    expect(await jobsOfKind('reports.dataset')).toHaveLength(1);

    // An hour and a minute after it was confirmed (REPORT_EDIT_MINUTES is 60).
    const past = new Date(Date.now() - 61 * 60_000).toISOString();
    await t.ctx.db.kysely
      .updateTable('reports')
      .set({ confirmed_at: past })
      .where('id', '=', mine.id)
      .execute();
    const late = await api('PATCH', `/api/v1/reports/${mine.id}`, fx.tokens.resident, {
      description: 'Changed my mind',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { code: string } }>().error.code).toBe('edit_window_closed');
    expect((await getReport(t.ctx, anonymous, mine.id)).report.description).toBe(
      'Fridge and freezer in the lane',
    );
  });

  it('edits on the page, and shows why not once the window has closed', async () => {
    const mine = await report('resident', 'Bags of rubble');
    const browser = new PageClient(t.app);
    await browser.signIn(fx.emails.resident, PASSWORD);
    const url = `/account/reports/${mine.id}`;
    const res = await browser.post(
      `${url}/edit`,
      { description: 'Bags of rubble and bricks' },
      { from: url },
    );
    expect(res.statusCode).toBe(303);
    expect((await getReport(t.ctx, anonymous, mine.id)).report.description).toBe(
      'Bags of rubble and bricks',
    );
    const empty = await browser.post(`${url}/edit`, { description: ' ' }, { from: url });
    expect(empty.statusCode).toBe(422);
    expect($(empty.body)('.govuk-error-summary').text()).toContain('Description is required');

    await t.ctx.db.kysely
      .updateTable('reports')
      .set({ confirmed_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', mine.id)
      .execute();
    const page = await browser.get(url);
    expect($(page.body)('textarea[name="description"]').length).toBe(0);
  });

  it('takes your name off for good: the public sees no name again', async () => {
    const mine = await report('resident', 'Broken glass', true);
    expect(publicReporterName((await getReport(t.ctx, anonymous, mine.id)).report)).toBe(
      'Rita Resident',
    );
    const res = await api('POST', `/api/v1/reports/${mine.id}/anonymise`, fx.tokens.resident);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ show_name: false, anonymised: true, public_name: null });
    const row = (await getReport(t.ctx, anonymous, mine.id)).report;
    expect(row).toMatchObject({ show_name: 0, anonymised: 1 });
    expect(publicReporterName(row)).toBeNull();
    // Again changes nothing.
    expect(
      (await api('POST', `/api/v1/reports/${mine.id}/anonymise`, fx.tokens.resident)).statusCode,
    ).toBe(200);
  });

  it('reopens a report marked fixed, with your words as a public update', async () => {
    const mine = await report('resident', 'Dumped washing machine');
    const notYet = await api('POST', `/api/v1/reports/${mine.id}/reopen`, fx.tokens.resident, {
      text: 'Still there',
    });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json<{ error: { code: string } }>().error.code).toBe('not_reopenable');

    await postReportUpdate(t.ctx, fx.actors.westEditor, mine.id, {
      status: 'fixed',
      text: 'Collected',
      source: 'web',
    });
    const res = await api('POST', `/api/v1/reports/${mine.id}/reopen`, fx.tokens.resident, {
      text: 'It is still there, by the gate',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', fixed_at: null, reopenable_until: null });
    const detail = await getReport(t.ctx, anonymous, mine.id);
    expect(detail.report.status).toBe('open');
    expect(detail.updates.map((u) => [u.status, u.source, u.text])).toEqual([
      ['fixed', 'web', 'Collected'],
      ['open', 'reporter', 'It is still there, by the gate'],
    ]);
  });

  it('refuses to reopen four weeks after it was fixed', async () => {
    const mine = await report('resident', 'Old mattress');
    await postReportUpdate(t.ctx, fx.actors.westEditor, mine.id, {
      status: 'fixed',
      text: 'Gone',
      source: 'web',
    });
    const longAgo = new Date(Date.now() - 29 * 86_400_000).toISOString();
    await t.ctx.db.kysely
      .updateTable('reports')
      .set({ fixed_at: longAgo, status_changed_at: longAgo })
      .where('id', '=', mine.id)
      .execute();
    const res = await api('POST', `/api/v1/reports/${mine.id}/reopen`, fx.tokens.resident, {
      text: 'Back again',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('reopen_window_closed');
    expect((await getReport(t.ctx, anonymous, mine.id)).report.status).toBe('fixed');
  });

  it('reopens on the page too, asking why', async () => {
    const mine = await report('resident', 'Paint tins');
    await postReportUpdate(t.ctx, fx.actors.westEditor, mine.id, {
      status: 'closed',
      text: 'Closed',
      source: 'web',
    });
    const browser = new PageClient(t.app);
    await browser.signIn(fx.emails.resident, PASSWORD);
    const url = `/account/reports/${mine.id}`;
    const blank = await browser.post(`${url}/reopen`, { text: '' }, { from: url });
    expect(blank.statusCode).toBe(422);
    expect($(blank.body)('.govuk-error-summary').text()).toContain(
      'Say why the problem is not fixed',
    );
    const res = await browser.post(`${url}/reopen`, { text: 'Still leaking' }, { from: url });
    expect(res.statusCode).toBe(303);
    expect((await getReport(t.ctx, anonymous, mine.id)).report.status).toBe('open');
  });
});
