import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReport, getCategory, offerCategory } from '../../src/features/reports/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/fixture.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Every write of the reports and categories API, by every kind of caller: who may, and that a
// refusal changes nothing. A new write of this API belongs here.

let t: TestApp;
let fx: ReportFixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
  // The resident is a reporter: their report exists before the matrix runs.
  await createReport(t.ctx, fx.actors.resident, {
    category: 'fly-tipping',
    ...fx.points.west,
    description: 'Bags of rubbish',
    source: 'web',
    clientAddress: '192.0.2.20',
  });
}, 60_000);
afterAll(() => t.close());

type Who =
  | 'anonymous'
  | 'resident'
  | 'otherResident'
  | 'westAdmin'
  | 'westEditor'
  | 'westMember'
  | 'eastEditor'
  | 'admin'
  | 'readOnly'
  | 'open311Client';

const CALLERS: Who[] = [
  'anonymous',
  'resident',
  'otherResident',
  'westAdmin',
  'westEditor',
  'westMember',
  'eastEditor',
  'admin',
  'readOnly',
  'open311Client',
];

const headers = (who: Who) => (who === 'anonymous' ? {} : bearer(fx.tokens[who]));

interface WriteCase {
  name: string;
  method: 'POST' | 'PUT' | 'DELETE';
  url: string;
  payload?: object;
  ok: number;
  allowed: Who[];
  /** Puts things as they were before each call. */
  before?: () => Promise<void>;
  /** Whether the write took effect. */
  took: () => Promise<boolean>;
}

let reportsMade = 0;
const countReports = async () =>
  Number(
    (
      await t.ctx.db.kysely
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const offered = async () =>
  (await t.app.inject('/api/v1/organisations/westshire/categories/fly-tipping')).statusCode === 200;
const reoffer = async () => {
  await offerCategory(t.ctx, fx.actors.admin, {
    organisation: 'westshire',
    category: 'fly-tipping',
    sendMethod: 'email',
    destination: fx.emails.westInbox,
  });
};

const cases: WriteCase[] = [
  {
    name: 'make a report',
    method: 'POST',
    url: '/api/v1/reports',
    // fx.points.west (the fixture is seeded after the cases are written).
    payload: {
      category: 'fly-tipping',
      lat: 0.7,
      lon: 0.3,
      description: 'Old sofa',
      email: 'someone@example.org',
    },
    ok: 201,
    allowed: ['resident', 'otherResident', 'admin', 'open311Client'],
    before: async () => {
      reportsMade = await countReports();
    },
    took: async () => (await countReports()) > reportsMade,
  },
  {
    name: 'define a category',
    method: 'PUT',
    url: '/api/v1/categories/bus-shelters',
    payload: { name: 'Bus shelter damaged or dirty', group: 'Transport' },
    ok: 200,
    allowed: ['admin'],
    before: async () => {
      await t.ctx.db.kysely
        .updateTable('report_categories')
        .set({ name: 'Bus shelter damaged' })
        .where('code', '=', 'bus-shelters')
        .execute();
    },
    took: async () =>
      (await getCategory(t.ctx, 'bus-shelters')).name === 'Bus shelter damaged or dirty',
  },
  {
    name: 'answer a category (a body’s route)',
    method: 'PUT',
    url: '/api/v1/organisations/westshire/categories/fly-tipping',
    payload: { send_method: 'email', destination: 'tipping@westshire.example' },
    ok: 200,
    allowed: ['westAdmin', 'admin'],
    before: reoffer,
    took: async () =>
      (
        await t.app.inject({
          url: '/api/v1/organisations/westshire/categories/fly-tipping',
          headers: bearer(fx.tokens.admin),
        })
      ).body.includes('tipping@westshire.example'),
  },
  {
    name: 'stop answering a category',
    method: 'DELETE',
    url: '/api/v1/organisations/westshire/categories/fly-tipping',
    ok: 204,
    allowed: ['westAdmin', 'admin'],
    before: reoffer,
    took: async () => !(await offered()),
  },
];

describe.each(cases)('$name', (c) => {
  it.each(CALLERS)('by %s', async (who) => {
    await c.before?.();
    const res = await t.app.inject({
      method: c.method,
      url: c.url,
      headers: headers(who),
      ...(c.payload ? { payload: c.payload } : {}),
    });
    const expected = c.allowed.includes(who) ? c.ok : who === 'anonymous' ? 401 : 403;
    expect(res.statusCode, res.body).toBe(expected);
    expect(await c.took()).toBe(c.allowed.includes(who));
  });
});
