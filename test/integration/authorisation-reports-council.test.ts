import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { createReport, moderateReport } from '../../src/features/reports/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { PageClient } from '../helpers/pages.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Who may do what on the body's side of reports, every caller against every action: a report
// of Westshire's, handled by its members (status) and moderated by its editors and admins.

let t: TestApp;
let fx: ReportFixture;
const PASSWORD = 'correct horse battery staple';

type Who =
  | 'anonymous'
  | 'reporter'
  | 'otherResident'
  | 'westMember'
  | 'westEditor'
  | 'westAdmin'
  | 'eastEditor'
  | 'siteAdmin';
const EVERYONE: Who[] = [
  'anonymous',
  'reporter',
  'otherResident',
  'westMember',
  'westEditor',
  'westAdmin',
  'eastEditor',
  'siteAdmin',
];

const EMAILS: Record<Exclude<Who, 'anonymous'>, string> = {
  reporter: 'resident@example.net',
  otherResident: 'neighbour@example.net',
  westMember: 'member@westshire.example',
  westEditor: 'editor@westshire.example',
  westAdmin: 'admin@westshire.example',
  eastEditor: 'editor@eastshire.example',
  siteAdmin: 'admin@testshire.example',
};

function token(who: Who): string | null {
  const tokens: Record<Exclude<Who, 'anonymous'>, string> = {
    reporter: fx.tokens.resident,
    otherResident: fx.tokens.otherResident,
    westMember: fx.tokens.westMember,
    westEditor: fx.tokens.westEditor,
    westAdmin: fx.tokens.westAdmin,
    eastEditor: fx.tokens.eastEditor,
    siteAdmin: fx.tokens.admin,
  };
  return who === 'anonymous' ? null : tokens[who];
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
  for (const email of Object.values(EMAILS)) await setPassword(t.ctx, email, PASSWORD);
}, 60_000);
afterAll(() => t.close());

async function freshReport(): Promise<string> {
  const { report } = await createReport(t.ctx, fx.actors.resident, {
    category: 'fly-tipping',
    description: 'A pile of tyres',
    ...fx.points.west,
    source: 'web',
    clientAddress: '192.0.2.77',
  });
  return report.id;
}

function call(who: Who, method: 'GET' | 'POST', url: string, payload?: object) {
  const bearer = token(who);
  return t.app.inject({
    method,
    url,
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    ...(payload ? { payload } : {}),
  });
}

/** The status each caller gets: `allowed` get `ok`; the signed-out 401; the rest 403. */
function expected(allowed: Who[], ok: number): Record<Who, number> {
  return Object.fromEntries(
    EVERYONE.map((w) => [w, allowed.includes(w) ? ok : w === 'anonymous' ? 401 : 403]),
  ) as Record<Who, number>;
}

async function matrix(run: (who: Who) => Promise<number>): Promise<Record<Who, number>> {
  const out = {} as Record<Who, number>;
  for (const who of EVERYONE) out[who] = await run(who);
  return out;
}

const STAFF: Who[] = ['westMember', 'westEditor', 'westAdmin', 'siteAdmin'];
const MODERATORS: Who[] = ['westEditor', 'westAdmin', 'siteAdmin'];

describe('the API', () => {
  it('POST /reports/{id}/updates: the body’s members, any role, and site admins', async () => {
    const got = await matrix(async (who) => {
      const id = await freshReport();
      const res = await call(who, 'POST', `/api/v1/reports/${id}/updates`, {
        status: 'investigating',
        text: 'Looking',
      });
      return res.statusCode;
    });
    expect(got).toEqual(expected(STAFF, 201));
  });

  it('POST /reports/{id}/moderations: the body’s editors and admins, and site admins', async () => {
    const got = await matrix(async (who) => {
      const id = await freshReport();
      const res = await call(who, 'POST', `/api/v1/reports/${id}/moderations`, {
        action: 'hide',
        reason: 'Abuse',
      });
      return res.statusCode;
    });
    expect(got).toEqual(expected(MODERATORS, 201));
  });

  it('GET /reports/{id}/moderations: the body’s staff', async () => {
    const id = await freshReport();
    const got = await matrix(
      async (who) => (await call(who, 'GET', `/api/v1/reports/${id}/moderations`)).statusCode,
    );
    expect(got).toEqual(expected(STAFF, 200));
  });

  it('a hidden report is not found by anyone but its body’s staff, whatever they ask', async () => {
    const id = await freshReport();
    const editor = (await call('westEditor', 'GET', `/api/v1/reports/${id}/moderations`))
      .statusCode;
    expect(editor).toBe(200);
    await moderateReport(t.ctx, fx.actors.westEditor, id, { action: 'hide', reason: 'Spam' });
    const got = await matrix(
      async (who) =>
        (await call(who, 'POST', `/api/v1/reports/${id}/updates`, { text: 'Seen' })).statusCode,
    );
    expect(got).toEqual(
      Object.fromEntries(EVERYONE.map((w) => [w, STAFF.includes(w) ? 201 : 404])),
    );
  });
});

async function page(who: Who, url: string): Promise<number> {
  const client = new PageClient(t.app);
  if (who !== 'anonymous') {
    const res = await client.signIn(EMAILS[who], PASSWORD);
    expect(res.statusCode).toBe(303);
  }
  const res = await client.get(url);
  // The signed-out are sent to sign in.
  return res.statusCode === 303 && String(res.headers.location).startsWith('/sign-in')
    ? 401
    : res.statusCode;
}

describe('the pages', () => {
  it('/publish/reports and a report’s page: the body’s staff', async () => {
    const id = await freshReport();
    expect(await matrix((who) => page(who, `/publish/reports/${id}`))).toEqual(
      expected(STAFF, 200),
    );
    expect(await matrix((who) => page(who, '/publish/reports'))).toEqual(
      expected([...STAFF, 'eastEditor'], 200),
    );
  });

  it('moderation pages: the body’s editors and admins', async () => {
    const id = await freshReport();
    expect(
      await matrix((who) => page(who, `/publish/reports/${id}/moderate?action=redact`)),
    ).toEqual(expected(MODERATORS, 200));
  });

  it('a body’s categories: its admins; the region’s categories: site admins', async () => {
    expect(await matrix((who) => page(who, '/publish/organisations/westshire/categories'))).toEqual(
      expected(['westAdmin', 'siteAdmin'], 200),
    );
    expect(await matrix((who) => page(who, '/publish/categories'))).toEqual(
      expected(['siteAdmin'], 200),
    );
  });
});
