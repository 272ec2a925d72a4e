import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/features/accounts/index.js';
import {
  confirmReport,
  createReport,
  offerCategory,
  reportJobHandlers,
} from '../../src/features/reports/index.js';
import { claimNextJob } from '../../src/platform/jobs/job.repository.js';
import { runDueJobs, type RunOptions } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  startMailCatcher,
  startReceiver,
  type MailCatcher,
  type Receiver,
} from '../helpers/loopback-servers.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Sending confirmed reports to the body that answers them, with real ends: an SMTP server and
// webhook receivers on loopback. The test drains the queue itself (the test app's own runner
// waits an hour), as a second process would.

let t: TestApp;
let fx: ReportFixture;
let smtp: MailCatcher;
let receiver: Receiver;
const SECRET = 'webhook-secret-of-eastshire';

beforeAll(async () => {
  smtp = await startMailCatcher();
  receiver = await startReceiver();
  // The bodies' receivers are on loopback, which the outbound policy refuses unless allowed.
  t = await createTestApp({ smtpUrl: smtp.url, outboundAllowedPrivate: '127.0.0.1' });
  fx = await seedReportFixture(t.ctx);
}, 60_000);
afterAll(async () => {
  await t.close();
  await Promise.all([smtp.close(), receiver.close()]);
});

const drain = (options: RunOptions = {}) => runDueJobs(t.ctx.db, reportJobHandlers(t.ctx), options);

const base = { source: 'web', clientAddress: '192.0.2.10' } as const;

const reportRow = (id: string) =>
  t.ctx.db.kysely.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const sendJob = (reportId: string) =>
  t.ctx.db.kysely
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', 'report.send')
    .where('payload', '=', JSON.stringify({ reportId }))
    .executeTakeFirstOrThrow();

/** Makes the waiting retries due now, as if their back-off had passed. */
const makeRetriesDue = () =>
  t.ctx.db.kysely
    .updateTable('jobs')
    .set({ run_at: new Date(Date.now() - 1000).toISOString() })
    .where('state', '=', 'queued')
    .where('kind', '=', 'report.send')
    .execute();

async function routeBy(org: string, category: string, sendMethod: string, destination: string) {
  await offerCategory(t.ctx, fx.actors.admin, {
    organisation: org,
    category,
    sendMethod,
    destination,
    secret: sendMethod === 'webhook' ? SECRET : null,
  });
}

describe('sending by e-mail', () => {
  it('mails a confirmed report to the body’s address with what it needs to act', async () => {
    const { report } = await createReport(t.ctx, anonymous, {
      ...base,
      category: 'potholes',
      ...fx.points.west,
      description: 'Deep pothole outside number 12, a cyclist fell',
      address: '12 Mill Lane',
      attributes: { blocking: 'yes' },
      email: 'walker@example.com',
      name: 'Wendy Walker',
      phone: '0161 496 0000',
    });
    // Not sent before the reporter confirms.
    await drain();
    expect(smtp.to(fx.emails.westInbox)).toHaveLength(0);
    const confirmation = smtp.to('walker@example.com').at(-1)?.raw ?? '';
    const token = /\/report\/confirm\/([\w-]+)/.exec(confirmation)?.[1] ?? '';
    await confirmReport(t.ctx, token);

    expect(await drain()).toBeGreaterThanOrEqual(1);
    const sent = smtp.to(fx.emails.westInbox);
    expect(sent).toHaveLength(1);
    const mail = sent[0]?.raw ?? '';
    expect(mail).toMatch(new RegExp(`^Subject: Pothole: new report ${report.id}`, 'm'));
    expect(mail).toMatch(/^Reply-To: walker@example\.com/m);
    expect(mail).toContain('Deep pothole outside number 12, a cyclist fell');
    expect(mail).toContain('Address given: 12 Mill Lane');
    expect(mail).toContain('Ward: West North (E05000001)');
    expect(mail).toContain('https://www.openstreetmap.org/?mlat=0.7&mlon=0.3#map=18/0.7/0.3');
    expect(mail).toContain('Is it blocking the road? Yes');
    expect(mail).toContain(`http://metrodata.test/reports/${report.id}`);
    expect(mail).toContain('Name: Wendy Walker');
    expect(mail).toContain('E-mail: walker@example.com');
    expect(mail).toContain('Phone: 0161 496 0000');

    const row = await reportRow(report.id);
    expect(row.send_state).toBe('sent');
    expect(row.sent_at).not.toBeNull();
    expect(row.send_error).toBeNull();
    // Running the queue again sends nothing more.
    await drain();
    expect(smtp.to(fx.emails.westInbox)).toHaveLength(1);
  });
});

describe('sending by webhook', () => {
  it('signs the JSON, retries a failing receiver and delivers on the third attempt', async () => {
    await routeBy('eastshire', 'fly-tipping', 'webhook', receiver.url);
    receiver.requests.length = 0;
    receiver.script([500, 500], 200);
    const { report } = await createReport(t.ctx, fx.actors.resident, {
      ...base,
      category: 'fly-tipping',
      ...fx.points.east,
      description: 'Mattresses dumped in the lay-by',
    });

    await drain();
    expect(receiver.requests).toHaveLength(1);
    const failing = await reportRow(report.id);
    expect(failing.send_state).toBe('queued');
    expect(failing.send_error).toContain('answered 500');

    await makeRetriesDue();
    await drain({ backoff: () => 0 });
    expect(receiver.requests).toHaveLength(3);
    const row = await reportRow(report.id);
    expect(row.send_state).toBe('sent');
    expect(row.send_error).toBeNull();

    const job = await sendJob(report.id);
    expect(job.state).toBe('done');
    expect(job.attempts).toBe(3);
    for (const r of receiver.requests) {
      expect(r.method).toBe('POST');
      expect(r.headers['content-type']).toBe('application/json');
      const expected = createHmac('sha256', SECRET).update(r.body).digest('hex');
      expect(r.headers['x-metrodata-signature']).toBe(`sha256=${expected}`);
      expect(r.headers['x-metrodata-delivery']).toBe(job.id);
      expect(Number(r.headers['x-metrodata-timestamp'])).toBeGreaterThan(1_700_000_000);
    }
    const payload = JSON.parse(receiver.requests[2]?.body ?? '{}') as Record<string, unknown>;
    expect(payload).toMatchObject({
      event: 'report.created',
      id: report.id,
      url: `http://metrodata.test/reports/${report.id}`,
      category: { code: 'fly-tipping', name: 'Fly-tipping' },
      body: { slug: 'eastshire', name: 'Eastshire Council' },
      lat: fx.points.east.lat,
      lon: fx.points.east.lon,
      ward: { code: 'E05000004', name: 'East South' },
      description: 'Mattresses dumped in the lay-by',
      attributes: {},
      photos: [],
      reporter: { email: fx.emails.resident },
      created_at: report.created_at,
    });
  });

  it('parks a report the receiver refuses (4xx) at once, marked failed', async () => {
    await routeBy('westshire', 'fly-tipping', 'webhook', receiver.url);
    receiver.requests.length = 0;
    receiver.script([], 400);
    const { report } = await createReport(t.ctx, fx.actors.resident, {
      ...base,
      category: 'fly-tipping',
      ...fx.points.west,
      description: 'Fridge left on the verge',
    });
    await drain({ backoff: () => 0 });
    expect(receiver.requests).toHaveLength(1);
    const job = await sendJob(report.id);
    expect(job.state).toBe('parked');
    expect(job.last_error).toContain('answered 400: refused with 400: unknown category code');
    const row = await reportRow(report.id);
    expect(row.send_state).toBe('failed');
    expect(row.send_error).toContain('answered 400');
  });
});

describe('a worker that dies holding a sending job', () => {
  async function claimAsDeadWorker() {
    const at = new Date();
    const job = await claimNextJob(t.ctx.db, {
      kinds: ['report.send'],
      worker: 'dead-worker',
      at: at.toISOString(),
      leaseUntil: new Date(at.getTime() + 60_000).toISOString(),
    });
    if (!job) throw new Error('no sending job to claim');
    return job;
  }
  /** The lease runs out, as it does a minute after its holder died. */
  const leaseLapses = (id: string) =>
    t.ctx.db.kysely
      .updateTable('jobs')
      .set({ lease_until: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();

  it('is taken over once the lease lapses, and the report is sent once', async () => {
    const before = smtp.to(fx.emails.eastInbox).length;
    const { report } = await createReport(t.ctx, fx.actors.resident, {
      ...base,
      category: 'potholes',
      ...fx.points.east,
      attributes: { blocking: 'no' },
      description: 'Pothole filled with water',
    });
    const job = await claimAsDeadWorker();
    // While the lease holds, no one else runs it.
    expect(await drain({ worker: 'second-worker' })).toBe(0);
    await leaseLapses(job.id);
    expect(await drain({ worker: 'second-worker' })).toBe(1);
    expect(smtp.to(fx.emails.eastInbox)).toHaveLength(before + 1);
    expect((await reportRow(report.id)).send_state).toBe('sent');
    expect((await sendJob(report.id)).state).toBe('done');
  });

  it('does not send again a report the dead worker had sent and recorded', async () => {
    const before = smtp.to(fx.emails.eastInbox).length;
    const { report } = await createReport(t.ctx, fx.actors.resident, {
      ...base,
      category: 'potholes',
      ...fx.points.east,
      attributes: { blocking: 'yes' },
      description: 'Pothole by the school gate',
    });
    const job = await claimAsDeadWorker();
    // It sent the report and recorded it, then died before marking the job done.
    await reportJobHandlers(t.ctx)['report.send']?.(JSON.parse(job.payload), job);
    expect(smtp.to(fx.emails.eastInbox)).toHaveLength(before + 1);
    await leaseLapses(job.id);
    expect(await drain({ worker: 'second-worker' })).toBe(1);
    expect(smtp.to(fx.emails.eastInbox)).toHaveLength(before + 1);
    expect((await reportRow(report.id)).send_state).toBe('sent');
    expect((await sendJob(report.id)).state).toBe('done');
  });
});
