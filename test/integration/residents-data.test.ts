import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorForUser,
  anonymous,
  createToken,
  createUser,
  SESSION_SCOPES,
  setPassword,
} from '../../src/features/accounts/index.js';
import { addMemberToOrganisation } from '../../src/features/organisations/index.js';
import { createReport, getReport, publicReporterName } from '../../src/features/reports/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { decodedBody, readOutbox } from '../helpers/mail.js';
import { $, h1, PageClient } from '../helpers/pages.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// UK GDPR: a person sees everything held about them and can have it erased; the reports stay
// public as open data, without them. Someone without an account proves their mailbox instead.

const PASSWORD = 'resident password 123';
let t: TestApp;
let fx: ReportFixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
  await setPassword(t.ctx, fx.emails.resident, PASSWORD);
}, 60_000);
afterAll(() => t.close());

const db = () => t.ctx.db.kysely;

async function fileReport(actor: Parameters<typeof createReport>[1], extra: object = {}) {
  const { report } = await createReport(t.ctx, actor, {
    category: 'fly-tipping',
    ...fx.points.west,
    description: 'Rubble by the school gate',
    name: 'Pat Person',
    phone: '07700 900123',
    showName: true,
    source: 'web',
    clientAddress: '192.0.2.40',
    ...extra,
  });
  return report;
}

/** A confirmed "me too" on a report (the journey's support service makes these). */
async function meToo(reportId: string, email: string, userId: string | null) {
  await db()
    .insertInto('report_supporters')
    .values({
      id: crypto.randomUUID(),
      report_id: reportId,
      user_id: userId,
      email,
      confirmed: 1,
      token_hash: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  await db()
    .updateTable('reports')
    .set((eb) => ({ supporters_count: eb('supporters_count', '+', 1) }))
    .where('id', '=', reportId)
    .execute();
}

describe('your data, signed in', () => {
  it('exports your account, reports, "me too"s and token metadata, and nobody else’s', async () => {
    const mine = await fileReport(fx.actors.resident);
    const theirs = await fileReport(fx.actors.otherResident, { description: 'Not yours' });
    await meToo(theirs.id, fx.emails.resident, fx.actors.resident.user?.id ?? null);
    const res = await t.app.inject({
      url: '/api/v1/me/data',
      headers: { authorization: `Bearer ${fx.tokens.resident}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json<{
      account: { account: { email: string }; api_tokens: { prefix: string }[] };
      reports: { id: string; reporter: { email: string; phone: string } }[];
      me_too: { report_id: string }[];
    }>();
    expect(data.account.account.email).toBe(fx.emails.resident);
    expect(data.reports.map((r) => r.id)).toContain(mine.id);
    expect(data.reports.map((r) => r.id)).not.toContain(theirs.id);
    expect(data.reports.find((r) => r.id === mine.id)?.reporter).toMatchObject({
      email: fx.emails.resident,
      phone: '07700 900123',
    });
    expect(data.me_too.map((s) => s.report_id)).toEqual([theirs.id]);
    expect(data.account.api_tokens[0]?.prefix).toBe(fx.tokens.resident.slice(0, 10));
    // Never a token or its hash.
    const hashes = await db().selectFrom('api_tokens').select('token_hash').execute();
    for (const h of hashes) expect(res.body).not.toContain(h.token_hash);
    expect(res.body).not.toContain(fx.tokens.resident);
    expect(res.body).not.toContain(fx.emails.otherResident);
  });

  it('shows the page and downloads the same JSON', async () => {
    const browser = new PageClient(t.app);
    await browser.signIn(fx.emails.resident, PASSWORD);
    const page = await browser.get('/account/data');
    expect(page.statusCode).toBe(200);
    expect($(page.body)('main').text()).toContain(fx.emails.resident);
    const file = await browser.get('/account/data/export.json');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="my-data-/);
    expect(file.json<{ account: { account: { email: string } } }>().account.account.email).toBe(
      fx.emails.resident,
    );
  });

  it('deletes the account: reports stay public without the person, "me too"s go', async () => {
    const email = 'leaving@example.org';
    const user = await createUser(t.ctx, { email, name: 'Lee Leaving', password: PASSWORD });
    await addMemberToOrganisation(t.ctx, email, 'eastshire', 'member');
    await createToken(t.ctx, { email, name: 'phone app', scopes: ['read', 'reports'] });
    const browser = new PageClient(t.app);
    await browser.signIn(email, PASSWORD);
    const actor = await actorForUser(t.ctx, user.id, SESSION_SCOPES);
    const mine = await fileReport(actor);
    const other = await fileReport(fx.actors.otherResident, { description: 'Their report' });
    await meToo(other.id, email, user.id);
    // An earlier report made with the same address, before the account existed.
    const before = await fileReport(anonymous, { email, description: 'Before my account' });
    await db()
      .updateTable('reports')
      .set({ state: 'confirmed', confirmed_at: new Date().toISOString() })
      .where('id', '=', before.id)
      .execute();

    const unconfirmed = await browser.post(
      '/account/data/delete',
      {},
      { from: '/account/data/delete' },
    );
    expect(unconfirmed.statusCode).toBe(422);
    expect($(unconfirmed.body)('.govuk-error-summary').text()).toContain('Confirm that you want');
    expect(
      await db().selectFrom('users').select('id').where('id', '=', user.id).execute(),
    ).toHaveLength(1);

    const res = await browser.post(
      '/account/data/delete',
      { confirm: 'yes' },
      { from: '/account/data/delete' },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const home = await browser.get('/');
    expect($(home.body)('.govuk-notification-banner').text()).toContain(
      'Your account has been deleted',
    );
    expect(browser.cookies.has('md_session')).toBe(false);

    for (const id of [mine.id, before.id]) {
      const row = await db()
        .selectFrom('reports')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        reporter_user_id: null,
        reporter_email: null,
        reporter_name: null,
        reporter_phone: null,
        show_name: 0,
        anonymised: 1,
        state: 'confirmed',
      });
      const publicView = await getReport(t.ctx, anonymous, id);
      expect(publicReporterName(publicView.report)).toBeNull();
      expect(JSON.stringify(row)).not.toContain('leaving');
      expect(JSON.stringify(row)).not.toContain('Lee');
    }
    const otherRow = await db()
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(otherRow.supporters_count).toBe(0);
    expect(otherRow.reporter_email).toBe(fx.emails.otherResident);
    expect(
      await db().selectFrom('report_supporters').select('id').where('email', '=', email).execute(),
    ).toHaveLength(0);
    for (const table of ['sessions', 'api_tokens', 'memberships', 'sign_in_addresses'] as const) {
      const rows = await db()
        .selectFrom(table)
        .select('user_id')
        .where('user_id', '=', user.id)
        .execute();
      expect(rows, table).toHaveLength(0);
    }
    expect(
      await db().selectFrom('users').select('id').where('email', '=', email).execute(),
    ).toHaveLength(0);
    const log = await db()
      .selectFrom('activities')
      .selectAll()
      .where('subject_id', '=', user.id)
      .execute();
    expect(log.map((a) => [a.action, a.diff])).toEqual([['user.deleted', '{}']]);

    // The browser is signed out: its own pages send it to sign in.
    const after = await browser.get('/account/reports');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/sign-in/);
  });

  it('leaves a site administrator’s account to the operator', async () => {
    await setPassword(t.ctx, 'admin@testshire.example', PASSWORD);
    const browser = new PageClient(t.app);
    await browser.signIn('admin@testshire.example', PASSWORD);
    const res = await browser.post(
      '/account/data/delete',
      { confirm: 'yes' },
      { from: '/account/data/delete' },
    );
    expect(res.statusCode).toBe(422);
    expect($(res.body)('.govuk-error-summary').text()).toContain('removed by the operator');
  });
});

describe('your data without an account', () => {
  const email = 'walker@example.com';

  async function latestLink(): Promise<string> {
    const mail = (await readOutbox(t.ctx)).filter((m) => m.includes(`To: ${email}`)).at(-1) ?? '';
    return /http:\/\/metrodata\.test(\/my-data\/[\w-]+)/.exec(decodedBody(mail))?.[1] ?? '';
  }

  it('mails a one-time link that shows, downloads and deletes the address’s data', async () => {
    const mine = await fileReport(anonymous, { email, description: 'Walker’s report' });
    await db()
      .updateTable('reports')
      .set({ state: 'confirmed', confirmed_at: new Date().toISOString() })
      .where('id', '=', mine.id)
      .execute();
    const other = await fileReport(fx.actors.otherResident, { description: 'Someone else’s' });
    await meToo(other.id, email, null);

    const browser = new PageClient(t.app, { remoteAddress: '203.0.113.90' });
    expect((await browser.get('/my-data/view')).headers.location).toBe('/my-data');
    const asked = await browser.post('/my-data', { email }, { from: '/my-data' });
    expect(asked.statusCode).toBe(200);
    expect(h1(asked.body)).toBe('Check your e-mail');
    const link = await latestLink();
    expect(link).not.toBe('');
    // The link does not hold the address in the clear.
    expect(link).not.toContain('walker');

    const opened = await browser.get(link);
    expect(opened.statusCode).toBe(200);
    const used = await browser.post(link, {}, { from: link });
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe('/my-data/view');
    const view = await browser.get('/my-data/view');
    expect(view.statusCode).toBe(200);
    expect($(view.body)('main').text()).toContain('Walker’s report');
    const file = await browser.get('/my-data/view/export.json');
    const data = file.json<{ email: string; reports: { id: string }[]; me_too: unknown[] }>();
    expect(data.email).toBe(email);
    expect(data.reports.map((r) => r.id)).toEqual([mine.id]);
    expect(data.me_too).toHaveLength(1);

    // Once only, and nobody else can open it.
    expect((await new PageClient(t.app).get(link)).statusCode).toBe(410);
    expect((await new PageClient(t.app).post(link, {}, { from: '/my-data' })).statusCode).toBe(410);
    expect((await new PageClient(t.app).get('/my-data/view/export.json')).statusCode).toBe(401);

    const done = await browser.post(
      '/my-data/view/delete',
      { confirm: 'yes' },
      { from: '/my-data/view' },
    );
    expect(done.statusCode).toBe(200);
    expect(h1(done.body)).toBe('Your details have been deleted');
    const row = await db()
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', mine.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      reporter_email: null,
      reporter_name: null,
      reporter_phone: null,
      show_name: 0,
      anonymised: 1,
      state: 'confirmed',
    });
    const otherRow = await db()
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(otherRow.supporters_count).toBe(0);
  });

  it('answers any address the same, and refuses a made-up link', async () => {
    const res = await new PageClient(t.app).post(
      '/my-data',
      { email: 'never@example.org' },
      { from: '/my-data' },
    );
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Check your e-mail');
    expect((await new PageClient(t.app).get('/my-data/not-a-real-link')).statusCode).toBe(410);
    const bad = await new PageClient(t.app).post(
      '/my-data',
      { email: 'nope' },
      { from: '/my-data' },
    );
    expect(bad.statusCode).toBe(422);
  });
});
