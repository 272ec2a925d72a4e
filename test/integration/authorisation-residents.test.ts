import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createToken, setPassword } from '../../src/features/accounts/index.js';
import { createReport, postReportUpdate } from '../../src/features/reports/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { PageClient } from '../helpers/pages.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Who may do what with a resident's own reports and data: every action the residents' API and
// pages add, for every kind of caller. Each write case gets a report of its own.

let t: TestApp;
let fx: ReportFixture;
/** The reporter's own token without the "reports" scope. */
let reporterWithoutScope = '';

const PASSWORD = 'resident password 123';

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
  reporterWithoutScope = (
    await createToken(t.ctx, { email: fx.emails.resident, name: 'read only', scopes: ['read'] })
  ).token;
  await setPassword(t.ctx, fx.emails.resident, PASSWORD);
  await setPassword(t.ctx, fx.emails.otherResident, PASSWORD);
}, 60_000);
afterAll(() => t.close());

type Who =
  | 'anonymous'
  | 'reporter'
  | 'otherResident'
  | 'bodyStaff'
  | 'otherBodyStaff'
  | 'siteAdmin'
  | 'reporterWithoutScope';

const token = (who: Who): string | null =>
  ({
    anonymous: null,
    reporter: fx.tokens.resident,
    otherResident: fx.tokens.otherResident,
    bodyStaff: fx.tokens.westEditor,
    otherBodyStaff: fx.tokens.eastEditor,
    siteAdmin: fx.tokens.admin,
    reporterWithoutScope,
  })[who];

/** A Westshire report by the fixture's resident: confirmed, fixed when asked (to reopen). */
async function freshReport(options: { fixed?: boolean; unconfirmed?: boolean } = {}) {
  const { report } = await createReport(
    t.ctx,
    options.unconfirmed ? anonymous : fx.actors.resident,
    {
      category: 'fly-tipping',
      ...fx.points.west,
      description: 'A pile of bin bags',
      email: options.unconfirmed ? fx.emails.resident : undefined,
      source: 'web',
      clientAddress: `192.0.2.${Math.floor(Math.random() * 200)}`,
    },
  );
  if (options.unconfirmed) {
    // Made by the resident while signed in but unverified: theirs, and not public.
    await t.ctx.db.kysely
      .updateTable('reports')
      .set({ reporter_user_id: fx.actors.resident.user?.id ?? null })
      .where('id', '=', report.id)
      .execute();
  }
  if (options.fixed) {
    await postReportUpdate(t.ctx, fx.actors.westEditor, report.id, {
      status: 'fixed',
      text: 'Cleared',
      source: 'web',
    });
  }
  return report.id;
}

function call(who: Who, method: 'GET' | 'PATCH' | 'POST', url: string, payload?: object) {
  const bearer = token(who);
  return t.app.inject({
    method,
    url,
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    ...(payload ? { payload } : {}),
  });
}

/** The owner's writes: only the reporter, with the reports scope. */
const ownerOnly: Record<Who, number> = {
  anonymous: 401,
  reporter: 200,
  otherResident: 403,
  bodyStaff: 403,
  otherBodyStaff: 403,
  siteAdmin: 403,
  reporterWithoutScope: 403,
};

/** Reading one's own list or data: anyone with the reports scope reads their own. */
const ownReads: Record<Who, number> = {
  anonymous: 401,
  reporter: 200,
  otherResident: 200,
  bodyStaff: 403,
  otherBodyStaff: 403,
  siteAdmin: 200,
  reporterWithoutScope: 403,
};

const WHO = Object.keys(ownerOnly) as Who[];

const writes = [
  {
    name: 'PATCH /api/v1/reports/{id}',
    run: (who: Who, id: string) =>
      call(who, 'PATCH', `/api/v1/reports/${id}`, { description: 'Bin bags and a chair' }),
    fixed: false,
  },
  {
    name: 'POST /api/v1/reports/{id}/anonymise',
    run: (who: Who, id: string) => call(who, 'POST', `/api/v1/reports/${id}/anonymise`),
    fixed: false,
  },
  {
    name: 'POST /api/v1/reports/{id}/reopen',
    run: (who: Who, id: string) =>
      call(who, 'POST', `/api/v1/reports/${id}/reopen`, { text: 'Still there' }),
    fixed: true,
  },
];

describe('the reporter’s writes by API', () => {
  for (const action of writes) {
    for (const who of WHO) {
      it(`${action.name} as ${who}: ${ownerOnly[who]}`, async () => {
        const id = await freshReport({ fixed: action.fixed });
        const res = await action.run(who, id);
        expect(res.statusCode).toBe(ownerOnly[who]);
        if (res.statusCode !== 200) {
          const row = await t.ctx.db.kysely
            .selectFrom('reports')
            .selectAll()
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          // Refused means nothing changed.
          expect(row).toMatchObject({
            description: 'A pile of bin bags',
            anonymised: 0,
            status: action.fixed ? 'fixed' : 'open',
          });
        }
      });
    }
  }

  it('hides a report that is not public from everyone but its reporter (404)', async () => {
    const id = await freshReport({ unconfirmed: true });
    for (const who of ['otherResident', 'bodyStaff', 'otherBodyStaff', 'siteAdmin'] as const) {
      const res = await call(who, 'POST', `/api/v1/reports/${id}/anonymise`);
      expect(res.statusCode, who).toBe(404);
    }
    expect((await call('reporter', 'POST', `/api/v1/reports/${id}/anonymise`)).statusCode).toBe(
      200,
    );
  });

  it('never takes a signed-in session cookie for an API write', async () => {
    const id = await freshReport();
    const browser = new PageClient(t.app);
    await browser.signIn(fx.emails.resident, PASSWORD);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/reports/${id}`,
      headers: { cookie: browser.cookieHeader },
      payload: { description: 'From a cookie' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('reading your own by API', () => {
  for (const url of ['/api/v1/me/reports', '/api/v1/me/data']) {
    for (const who of WHO) {
      it(`GET ${url} as ${who}: ${ownReads[who]}`, async () => {
        const res = await call(who, 'GET', url);
        expect(res.statusCode).toBe(ownReads[who]);
      });
    }
  }
});

describe('the pages', () => {
  it('send a signed-out visitor to sign in', async () => {
    for (const url of ['/account/reports', '/account/data', '/account/data/delete']) {
      const res = await new PageClient(t.app).get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    }
  });

  it('refuse another resident’s report (403), and a post without a CSRF token', async () => {
    const id = await freshReport({ fixed: true });
    const other = new PageClient(t.app);
    await other.signIn(fx.emails.otherResident, PASSWORD);
    expect((await other.get(`/account/reports/${id}`)).statusCode).toBe(403);
    const csrf = await other.csrfFrom('/account/data/delete');
    for (const [action, form] of [
      ['edit', { description: 'Not mine' }],
      ['anonymise', {}],
      ['reopen', { text: 'Not mine' }],
    ] as const) {
      const res = await other.post(`/account/reports/${id}/${action}`, form, { csrf });
      expect(res.statusCode, action).toBe(403);
    }
    const owner = new PageClient(t.app);
    await owner.signIn(fx.emails.resident, PASSWORD);
    const forged = await owner.post(`/account/reports/${id}/anonymise`, {}, { csrf: null });
    expect(forged.statusCode).toBe(403);
    const row = await t.ctx.db.kysely
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      anonymised: 0,
      status: 'fixed',
      description: 'A pile of bin bags',
    });
  });
});
