import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allRoutes,
  createReport,
  getCategory,
  offerCategory,
  OPEN311_POLL_JOB,
  pollOpen311Updates,
  queueOpen311Poll,
  reportJobHandlers,
  sendByOpen311,
} from '../../src/features/reports/index.js';
import { findMetaValue } from '../../src/platform/db/meta.repository.js';
import type { CategoryRoute, Report } from '../../src/platform/db/schema.js';
import { PermanentJobError } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Sending to a body's own Open311 system that is not Metrodata: a plain HTTP server on loopback
// that answers with a token, refuses, fails or floods, as real council systems do.

let t: TestApp;
let fx: ReportFixture;
let server: Server;
let base = '';
/** What the body's system answers next, by path; and what it was sent. */
const answers = new Map<string, { status: number; body: string }>();
const received: { method: string; url: string; body: string }[] = [];

function handle(req: IncomingMessage, res: ServerResponse) {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    received.push({ method: req.method ?? '', url: req.url ?? '', body });
    const path = (req.url ?? '').split('?')[0] ?? '';
    const answer = answers.get(path) ?? { status: 404, body: '[]' };
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
}

beforeAll(async () => {
  // No background job runs during the test: it calls the sender and the poll itself.
  t = await createTestApp({
    jobPollIntervalMs: 3_600_000,
    // The bodies' endpoints here are on loopback, which the outbound policy refuses otherwise.
    outboundAllowedPrivate: '127.0.0.1',
  });
  fx = await seedReportFixture(t.ctx);
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm`;
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

async function routeTo(destination: string, category = 'potholes'): Promise<CategoryRoute> {
  await offerCategory(t.ctx, fx.actors.admin, {
    organisation: 'westshire',
    category,
    sendMethod: 'open311',
    destination,
    secret: 'council-key',
    remoteCode: category === 'potholes' ? 'RD-POT' : null,
    jurisdictionId: 'westshire.gov.example',
  });
  const route = (await allRoutes(t.ctx)).find(
    (r) => r.destination === destination && r.send_method === 'open311',
  );
  if (!route) throw new Error('no route');
  return route;
}

async function pothole(): Promise<Report> {
  const { report } = await createReport(t.ctx, fx.actors.resident, {
    category: 'potholes',
    ...fx.points.west,
    attributes: { blocking: 'yes' },
    description: 'Hole by the post box',
    name: 'Mary Ann Evans',
    phone: '0113 496 0123',
    source: 'web',
    clientAddress: '192.0.2.20',
  });
  return report;
}

const send = async (report: Report, route: CategoryRoute) =>
  sendByOpen311(t.ctx, { report, category: await getCategory(t.ctx, 'potholes'), route });

describe('sending by Open311', () => {
  it('posts the form a GeoReport server expects, and keeps a token until the id is known', async () => {
    const route = await routeTo(base);
    const report = await pothole();
    const at = new Date().toISOString();
    await t.ctx.db.kysely
      .insertInto('report_photos')
      .values({
        id: 'photo-1',
        report_id: report.id,
        blob_key: 'reports/photo-1.jpg',
        content_type: 'image/jpeg',
        width: 10,
        height: 10,
        bytes: 10,
        position: 0,
        hidden: 0,
        created_at: at,
      })
      .execute();
    answers.set('/crm/requests.json', { status: 200, body: '[{"token":"tok-1"}]' });
    const sent = await send(report, route);
    expect(sent).toEqual({ externalId: null, token: 'tok-1' });
    const post = received.at(-1);
    expect(post?.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(post?.body))).toEqual({
      api_key: 'council-key',
      service_code: 'RD-POT',
      jurisdiction_id: 'westshire.gov.example',
      lat: String(fx.points.west.lat),
      long: String(fx.points.west.lon),
      description: 'Hole by the post box',
      'attribute[blocking]': 'yes',
      email: fx.emails.resident,
      first_name: 'Mary',
      last_name: 'Ann Evans',
      phone: '0113 496 0123',
      media_url: `${t.ctx.config.baseUrl}/reports/${report.id}/photos/photo-1.jpg`,
    });

    // The sending job marks it sent; the poll then resolves the token and reads its updates.
    await t.ctx.db.kysely
      .updateTable('reports')
      .set({ send_state: 'sent' })
      .where('id', '=', report.id)
      .execute();
    answers.set('/crm/tokens/tok-1.json', {
      status: 200,
      body: '[{"service_request_id":"SR-9","token":"tok-1"}]',
    });
    answers.set('/crm/servicerequestupdates.json', {
      status: 200,
      body: JSON.stringify({
        service_request_updates: [
          {
            update_id: 'u-1',
            service_request_id: 'SR-9',
            status: 'INVESTIGATING',
            updated_datetime: '2026-02-01T10:00:00Z',
            description: 'An inspector will visit',
          },
          {
            update_id: 'u-2',
            service_request_id: 'SOMEONE-ELSES',
            status: 'CLOSED',
            updated_datetime: '2026-02-01T10:00:00Z',
            description: '',
          },
        ],
      }),
    });
    const result = await pollOpen311Updates(t.ctx, route);
    expect(result).toEqual({ applied: 1, skipped: 1, resolvedTokens: 1 });
    const row = await t.ctx.db.kysely
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(row.external_id).toBe('SR-9');
    expect(row.status).toBe('investigating');
    const asked = received.filter((r) => r.url.startsWith('/crm/servicerequestupdates.json'));
    const query = new URL(asked.at(-1)?.url ?? '', 'http://x').searchParams;
    expect(query.get('api_key')).toBe('council-key');
    expect(query.get('jurisdiction_id')).toBe('westshire.gov.example');
    expect(await findMetaValue(t.ctx.db.kysely, `open311_poll:${route.id}`)).toBeDefined();
  });

  it('gives up on a refusal at once, and retries failures and floods', async () => {
    const route = await routeTo(base);
    const report = await pothole();
    answers.set('/crm/requests.json', {
      status: 400,
      body: '[{"code":400,"description":"service_code RD-POT is retired"}]',
    });
    const refused = send(report, route);
    await expect(refused).rejects.toBeInstanceOf(PermanentJobError);
    await expect(refused).rejects.toThrow(/service_code RD-POT is retired/);

    answers.set('/crm/requests.json', { status: 503, body: 'down for maintenance' });
    const failed = await send(report, route).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(PermanentJobError);

    answers.set('/crm/requests.json', { status: 200, body: `"${'x'.repeat(3_000_000)}"` });
    await expect(send(report, route)).rejects.toThrow(/more than 2000000 bytes/);

    const ftp = { ...route, destination: 'ftp://crm.example/open311' };
    await expect(send(report, ftp)).rejects.toBeInstanceOf(PermanentJobError);
  });

  it('keeps polling other routes when one fails, and says why', async () => {
    const broken = await routeTo(`${base}/broken`, 'fly-tipping');
    answers.set('/crm/broken/servicerequestupdates.json', { status: 500, body: 'oops' });
    await t.ctx.db.kysely.deleteFrom('jobs').where('kind', '=', OPEN311_POLL_JOB).execute();
    await queueOpen311Poll(t.ctx);
    const job = await t.ctx.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', OPEN311_POLL_JOB)
      .executeTakeFirstOrThrow();
    await t.ctx.db.kysely.deleteFrom('jobs').where('id', '=', job.id).execute();
    const before = received.length;
    await reportJobHandlers(t.ctx)[OPEN311_POLL_JOB]?.({}, job);
    const polled = received.slice(before).map((r) => r.url.split('?')[0]);
    expect(polled).toContain('/crm/servicerequestupdates.json');
    expect(polled).toContain('/crm/broken/servicerequestupdates.json');
    expect(await findMetaValue(t.ctx.db.kysely, `open311_poll_error:${broken.id}`)).toMatch(
      /failed \(500\)/,
    );
    const queued = await t.ctx.db.kysely
      .selectFrom('jobs')
      .select('state')
      .where('kind', '=', OPEN311_POLL_JOB)
      .execute();
    expect(queued).toEqual([{ state: 'queued' }]);
  });
});
