import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { createReport, nearbyReports } from '../../src/features/reports/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { decodedBody, readOutbox } from '../helpers/mail.js';
import { $, h1, PageClient } from '../helpers/pages.js';
import { linkIn, northOf } from '../helpers/report-journey.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// "Is it already reported?" and "me too": open reports of the same problem within 50 metres are
// shown before the form; anyone may add their voice, counted once per e-mail, at once for a
// signed-in verified resident and by an e-mailed link for anyone else.

let t: TestApp;
let fx: ReportFixture;
const PASSWORD = 'a long enough password';
let target = '';

const make = async (point: { lat: number; lon: number }, category: string, description: string) =>
  (
    await createReport(t.ctx, fx.actors.resident, {
      category,
      ...point,
      description,
      attributes: category === 'potholes' ? { blocking: 'no' } : {},
      source: 'web',
      clientAddress: '192.0.2.50',
    })
  ).report.id;

const count = async (id: string) =>
  (
    await t.ctx.db.kysely
      .selectFrom('reports')
      .select('supporters_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).supporters_count;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
  await setPassword(t.ctx, fx.emails.otherResident, PASSWORD);
  await setPassword(t.ctx, fx.emails.resident, PASSWORD);
  target = await make(northOf(fx.points.west, 40), 'fly-tipping', 'Washing machine by the bins');
  await make(northOf(fx.points.west, 60), 'fly-tipping', 'Bags by the bus stop');
  await make(northOf(fx.points.west, 10), 'potholes', 'Hole in the road');
  const fixed = await make(northOf(fx.points.west, 20), 'fly-tipping', 'Old fridge, cleared');
  await t.ctx.db.kysely
    .updateTable('reports')
    .set({ status: 'fixed' })
    .where('id', '=', fixed)
    .execute();
}, 60_000);
afterAll(() => t.close());

describe('already reported nearby', () => {
  it('lists open reports of the same problem within 50 m, not 60 m, nor closed ones', async () => {
    const near = await nearbyReports(t.ctx, fx.points.west, 'fly-tipping');
    expect(near.map((n) => n.report.description)).toEqual(['Washing machine by the bins']);
    expect(near[0]?.distanceMetres).toBeCloseTo(40, 0);

    const url = `/report/details?lat=${fx.points.west.lat}&lon=${fx.points.west.lon}&category=fly-tipping`;
    const page = await new PageClient(t.app).get(url);
    const doc = $(page.body);
    const items = doc('#nearby-reports li');
    expect(items.length).toBe(1);
    expect(items.text()).toContain('Washing machine by the bins');
    expect(items.text()).toContain('Reported today, about 40 m away. 0 people have said “me too”.');
    expect(items.find('a.govuk-button').attr('href')).toBe(`/reports/${target}/support`);
    // The form is still there, to report it as a new problem.
    expect(doc('#description').length).toBe(1);
  });
});

describe('me too', () => {
  it('counts someone signed out once they confirm by the mailed link, and once only', async () => {
    const client = new PageClient(t.app, { remoteAddress: '192.0.2.60' });
    const form = await client.get(`/reports/${target}/support`);
    expect(form.statusCode).toBe(200);
    expect(h1(form.body)).toBe('Do you have this problem too?');
    const asked = await client.post(`/reports/${target}/support`, {
      email: 'Neighbour@Example.org',
    });
    expect(h1(asked.body)).toBe('Check your e-mail');
    expect(await count(target)).toBe(0);

    const mail = (await readOutbox(t.ctx))
      .map(decodedBody)
      .find((m) => m.includes('neighbour@example.org'));
    const link = linkIn(mail ?? '', '/report/support/confirm/');
    const opened = await client.get(link);
    expect(h1(opened.body)).toBe('Confirm you have this problem too');
    expect(await count(target)).toBe(0);
    const csrf = await client.csrfFrom(link);
    const confirmed = await client.post(link, {}, { csrf });
    expect($(confirmed.body)('.govuk-panel__body').text().trim()).toBe('1 person has this problem');
    expect(await count(target)).toBe(1);

    const twice = await client.post(link, {}, { csrf });
    expect(h1(twice.body)).toBe('You have already confirmed this');
    const again = await client.post(`/reports/${target}/support`, {
      email: 'neighbour@example.org',
    });
    expect(h1(again.body)).toBe('You have already said you have this problem');
    expect(await count(target)).toBe(1);
    expect((await client.get('/report/support/confirm/nonsense')).statusCode).toBe(410);
  });

  it('counts a signed-in, verified resident at once, without asking their e-mail', async () => {
    const client = new PageClient(t.app, { remoteAddress: '192.0.2.61' });
    await client.signIn(fx.emails.otherResident, PASSWORD);
    const form = await client.get(`/reports/${target}/support`);
    expect($(form.body)('#email').length).toBe(0);
    const res = await client.post(`/reports/${target}/support`, {});
    expect($(res.body)('.govuk-panel__body').text().trim()).toBe('2 people have this problem');
    expect(await count(target)).toBe(2);
    const again = await client.post(`/reports/${target}/support`, {});
    expect(h1(again.body)).toBe('You have already said you have this problem');
    expect(await count(target)).toBe(2);
  });

  it('does not count the reporter, a bad address, a closed or an unconfirmed report', async () => {
    const reporter = new PageClient(t.app, { remoteAddress: '192.0.2.62' });
    await reporter.signIn(fx.emails.resident, PASSWORD);
    const own = await reporter.post(`/reports/${target}/support`, {});
    expect(own.statusCode).toBe(409);
    expect($(own.body)('.govuk-error-summary').text()).toContain('You made this report');

    const client = new PageClient(t.app, { remoteAddress: '192.0.2.63' });
    const bad = await client.post(
      `/reports/${target}/support`,
      { email: 'not an address' },
      { from: `/reports/${target}/support` },
    );
    expect(bad.statusCode).toBe(422);
    expect($(bad.body)('.govuk-error-summary').text()).toContain('Enter an e-mail address like');
    expect($(bad.body)('#email').val()).toBe('not an address');

    const fixed = await t.ctx.db.kysely
      .selectFrom('reports')
      .select('id')
      .where('description', '=', 'Old fridge, cleared')
      .executeTakeFirstOrThrow();
    const closed = await client.post(
      `/reports/${fixed.id}/support`,
      { email: 'x@example.org' },
      { from: `/reports/${target}/support` },
    );
    expect(closed.statusCode).toBe(409);
    expect($(closed.body)('.govuk-error-summary').text()).toContain('marked “Fixed”');

    const hidden = await createReport(
      t.ctx,
      { user: null, roles: new Map(), scopes: new Set(['read']) },
      {
        category: 'fly-tipping',
        ...fx.points.east,
        description: 'Not confirmed yet',
        email: 'someone@example.org',
        source: 'web',
        clientAddress: '192.0.2.64',
      },
    );
    expect((await client.get(`/reports/${hidden.report.id}/support`)).statusCode).toBe(404);
    expect(await count(target)).toBe(2);
  });

  it('limits "me too"s from one address (429)', async () => {
    const client = new PageClient(t.app, { remoteAddress: '192.0.2.65' });
    const csrf = await client.csrfFrom(`/reports/${target}/support`);
    let last = 0;
    for (let i = 0; i < 31; i++) {
      last = (
        await client.post(`/reports/${target}/support`, { email: `p${i}@example.org` }, { csrf })
      ).statusCode;
    }
    expect(last).toBe(429);
  });
});
