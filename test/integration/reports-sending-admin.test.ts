import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import {
  createReport,
  offerCategory,
  reportJobHandlers,
} from '../../src/features/reports/index.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { startReceiver, type Receiver } from '../helpers/loopback-servers.js';
import { $, h1, PageClient } from '../helpers/pages.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Site administrators see which bodies' reports fail to go out, and send a parked one again:
// the page /publish/sending, its "Send again" button, and GET /api/v1/sending.

const PASSWORD = 'correct horse battery staple';
const PEOPLE = {
  admin: 'admin@testshire.example',
  resident: 'resident@example.net',
  bodyStaff: 'admin@westshire.example',
  otherBodyStaff: 'editor@eastshire.example',
};

let t: TestApp;
let fx: ReportFixture;
let receiver: Receiver;
let parkedJobId: string;
let parkedReportId: string;

const drain = () => runDueJobs(t.ctx.db, reportJobHandlers(t.ctx), { backoff: () => 3_600_000 });

beforeAll(async () => {
  receiver = await startReceiver();
  // The bodies' receivers are on loopback, which the outbound policy refuses unless allowed.
  t = await createTestApp({ outboundAllowedPrivate: '127.0.0.1' });
  fx = await seedReportFixture(t.ctx);
  for (const email of Object.values(PEOPLE)) await setPassword(t.ctx, email, PASSWORD);
  await offerCategory(t.ctx, fx.actors.admin, {
    organisation: 'westshire',
    category: 'fly-tipping',
    sendMethod: 'webhook',
    destination: receiver.url,
    secret: 'shh',
  });
  // One report the receiver refuses (parked), one e-mailed (sent), one failing (5xx, retried).
  receiver.script([], 400);
  const refused = await createReport(t.ctx, fx.actors.resident, {
    category: 'fly-tipping',
    ...fx.points.west,
    description: 'Sofa on the towpath',
    source: 'web',
    clientAddress: '192.0.2.20',
  });
  parkedReportId = refused.report.id;
  await drain();
  await createReport(t.ctx, fx.actors.resident, {
    category: 'potholes',
    ...fx.points.west,
    attributes: { blocking: 'no' },
    description: 'Small pothole',
    source: 'web',
    clientAddress: '192.0.2.20',
  });
  await drain();
  receiver.script([], 503);
  await createReport(t.ctx, fx.actors.resident, {
    category: 'fly-tipping',
    ...fx.points.west,
    description: 'Tyres in the brook',
    source: 'web',
    clientAddress: '192.0.2.20',
  });
  await drain();
  const job = await t.ctx.db.kysely
    .selectFrom('jobs')
    .select('id')
    .where('state', '=', 'parked')
    .executeTakeFirstOrThrow();
  parkedJobId = job.id;
}, 60_000);
afterAll(async () => {
  await t.close();
  await receiver.close();
});

async function signedIn(email: string): Promise<PageClient> {
  const browser = new PageClient(t.app);
  const res = await browser.signIn(email, PASSWORD);
  expect(res.statusCode, res.body).toBe(303);
  return browser;
}

const sendAgainUrl = () => `/publish/sending/${parkedJobId}/send-again`;

describe('the sending page', () => {
  it('shows each body’s waiting, sent, failing and parked reports with the last error', async () => {
    const admin = await signedIn(PEOPLE.admin);
    const res = await admin.get('/publish/sending');
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Sending reports to bodies');
    const page = $(res.body);
    const west = page('#body-westshire');
    expect(west.find('h2').text()).toContain('Westshire Council');
    const counts = west
      .find('.app-sending-counts .govuk-summary-list__row')
      .map((_i, row) => page(row).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(counts).toEqual([
      'Sent by email, webhook',
      'Waiting to be sent 1',
      'Sent in the last 7 days 1',
      'Failing (being retried) 1',
      'Parked 1',
    ]);
    const parked = west.find(`tr[data-job="${parkedJobId}"]`);
    expect(parked.find('.app-sending-error').text()).toContain(
      'answered 400: refused with 400: unknown category code',
    );
    expect(parked.find('form').attr('action')).toBe(sendAgainUrl());
    expect(west.text()).toContain('answered 503');
    expect(page('#body-eastshire .app-sending-counts').text()).toContain('Parked');
    // The publisher home links to it for site admins.
    expect($((await admin.get('/publish')).body)('a[href="/publish/sending"]')).toHaveLength(1);
  });

  it('sends a parked report again on "Send again", once it is parked no more', async () => {
    const admin = await signedIn(PEOPLE.admin);
    const res = await admin.post(sendAgainUrl(), {}, { from: '/publish/sending' });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/publish/sending');
    const after = await admin.get('/publish/sending');
    expect($(after.body)('.govuk-notification-banner').text()).toContain('back in the queue');
    expect($(after.body)(`tr[data-job="${parkedJobId}"] form`)).toHaveLength(0);
    // Pressed twice (another admin, an old tab): nothing more to do.
    const twice = await admin.post(sendAgainUrl(), {}, { from: '/account/tokens' });
    expect(twice.statusCode).toBe(409);

    receiver.script([], 200);
    await drain();
    const report = await t.ctx.db.kysely
      .selectFrom('reports')
      .select(['send_state', 'send_error'])
      .where('id', '=', parkedReportId)
      .executeTakeFirstOrThrow();
    expect(report).toEqual({ send_state: 'sent', send_error: null });
    const page = $((await admin.get('/publish/sending')).body);
    expect(page(`tr[data-job="${parkedJobId}"]`)).toHaveLength(0);
  });

  it('is for site administrators only, and so is its button', async () => {
    const anonymousGet = await t.app.inject({ url: '/publish/sending' });
    expect(anonymousGet.statusCode).toBe(303);
    expect(anonymousGet.headers.location).toBe('/sign-in?next=%2Fpublish%2Fsending');
    const anonymousPost = await t.app.inject({ method: 'POST', url: sendAgainUrl() });
    expect(anonymousPost.statusCode).toBe(303);
    expect(anonymousPost.headers.location).toMatch(/^\/sign-in/);
    for (const email of [PEOPLE.resident, PEOPLE.bodyStaff, PEOPLE.otherBodyStaff]) {
      const browser = await signedIn(email);
      const get = await browser.get('/publish/sending');
      expect(get.statusCode, email).toBe(403);
      expect(get.body).not.toContain('answered 400');
      const post = await browser.post(sendAgainUrl(), {}, { from: '/account/tokens' });
      expect(post.statusCode, email).toBe(403);
    }
    const admin = await signedIn(PEOPLE.admin);
    expect((await admin.get('/publish/sending')).statusCode).toBe(200);
    // Without the form's CSRF token, even an administrator's post is refused.
    const forged = await admin.post(sendAgainUrl(), {}, { csrf: null });
    expect(forged.statusCode).toBe(403);
  });
});

describe('GET /api/v1/sending', () => {
  const get = (token?: string) =>
    t.app.inject({
      url: '/api/v1/sending',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('answers site administrators with the same figures as the page', async () => {
    const res = await get(fx.tokens.admin);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      total: number;
      results: { slug: string; methods: string[]; failing: { last_error: string }[] }[];
    }>();
    expect(body.results.map((b) => b.slug)).toEqual(['eastshire', 'transit', 'westshire']);
    const west = body.results.find((b) => b.slug === 'westshire');
    expect(west?.methods).toEqual(['email', 'webhook']);
    expect(west?.failing.map((f) => f.last_error)).toEqual([
      expect.stringContaining('answered 503'),
    ]);
  });

  it('refuses everyone else', async () => {
    expect((await get()).statusCode).toBe(401);
    for (const token of [fx.tokens.resident, fx.tokens.westAdmin, fx.tokens.eastEditor]) {
      const res = await get(token);
      expect(res.statusCode).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    }
  });
});
