import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/features/accounts/index.js';
import {
  allRoutes,
  createReport,
  getCategory,
  getReport,
  offerCategory,
  OPEN311_POLL_JOB,
  pollOpen311Updates,
  postReportUpdate,
  queueOpen311Poll,
  reportJobHandlers,
  sendByOpen311,
} from '../../src/features/reports/index.js';
import type { CategoryRoute } from '../../src/platform/db/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Two Metrodata installs: the first sends a report to a body whose own system is the second
// (its GeoReport v2 endpoint over loopback), then reads back the body's update by polling.

let a: TestApp;
let b: TestApp;
let fxA: ReportFixture;
let fxB: ReportFixture;
let route: CategoryRoute;

beforeAll(async () => {
  // No background job runs during the test (the sending job would send the report itself).
  // The other install is on loopback, which the outbound policy refuses unless allowed.
  const quiet = { jobPollIntervalMs: 3_600_000, outboundAllowedPrivate: '127.0.0.1' };
  [a, b] = await Promise.all([createTestApp(quiet), createTestApp(quiet)]);
  [fxA, fxB] = await Promise.all([seedReportFixture(a.ctx), seedReportFixture(b.ctx)]);
  await b.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = b.app.server.address() as AddressInfo;
  await offerCategory(a.ctx, fxA.actors.admin, {
    organisation: 'westshire',
    category: 'potholes',
    sendMethod: 'open311',
    destination: `http://127.0.0.1:${port}/open311/v2`,
    secret: fxB.tokens.open311Client,
    jurisdictionId: 'testshire',
  });
  const found = (await allRoutes(a.ctx)).find((r) => r.send_method === 'open311');
  if (!found) throw new Error('no Open311 route');
  route = found;
}, 60_000);
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

const reportRow = (t: TestApp, id: string) =>
  t.ctx.db.kysely.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('sending to another install’s Open311 endpoint', () => {
  let localId = '';
  let remoteId = '';

  it('creates the report there, with its code, words, answers and the reporter’s contact', async () => {
    const { report } = await createReport(a.ctx, fxA.actors.resident, {
      category: 'potholes',
      ...fxA.points.west,
      attributes: { blocking: 'no' },
      description: 'Deep hole by the school gate',
      name: 'Rosalind Pemberton-Smythe',
      phone: '0161 496 0000',
      source: 'web',
      clientAddress: '192.0.2.10',
    });
    localId = report.id;
    const sent = await sendByOpen311(a.ctx, {
      report,
      category: await getCategory(a.ctx, 'potholes'),
      route,
    });
    remoteId = sent.externalId ?? '';
    const there = await getReport(b.ctx, anonymous, remoteId);
    expect(there.category.code).toBe('potholes');
    expect(there.report).toMatchObject({
      description: 'Deep hole by the school gate',
      attributes: JSON.stringify({ blocking: 'no' }),
      source: 'open311',
      reporter_email: fxA.emails.resident,
      reporter_name: 'Rosalind Pemberton-Smythe',
      reporter_phone: '0161 496 0000',
      latitude: fxA.points.west.lat,
      longitude: fxA.points.west.lon,
    });
    // What the sending job does with the answer (another part of the reports feature).
    await a.ctx.db.kysely
      .updateTable('reports')
      .set({ external_id: remoteId, send_state: 'sent' })
      .where('id', '=', localId)
      .execute();
  });

  it('reads the body’s update back by polling, once', async () => {
    await postReportUpdate(b.ctx, fxB.actors.westEditor, remoteId, {
      status: 'fixed',
      text: 'Filled and rolled',
      source: 'web',
    });
    const first = await pollOpen311Updates(a.ctx, route);
    expect(first.applied).toBe(1);
    const here = await getReport(a.ctx, anonymous, localId);
    expect(here.report.status).toBe('fixed');
    expect(here.report.fixed_at).not.toBeNull();
    expect(here.updates.map((u) => [u.status, u.text, u.source])).toEqual([
      ['fixed', 'Filled and rolled', 'open311'],
    ]);
    const again = await pollOpen311Updates(a.ctx, route);
    expect(again.applied).toBe(0);
    expect((await getReport(a.ctx, anonymous, localId)).updates).toHaveLength(1);
  });

  it('polls from the job, which queues the next poll', async () => {
    await postReportUpdate(b.ctx, fxB.actors.westEditor, remoteId, {
      status: 'closed',
      text: 'Road reopened',
      source: 'web',
    });
    await a.ctx.db.kysely.deleteFrom('jobs').where('kind', '=', OPEN311_POLL_JOB).execute();
    await queueOpen311Poll(a.ctx);
    const job = await a.ctx.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', OPEN311_POLL_JOB)
      .executeTakeFirstOrThrow();
    await a.ctx.db.kysely.deleteFrom('jobs').where('id', '=', job.id).execute();
    const handler = reportJobHandlers(a.ctx)[OPEN311_POLL_JOB];
    await handler?.({}, job);
    const row = await reportRow(a, localId);
    expect(row.status).toBe('closed');
    const next = await a.ctx.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', OPEN311_POLL_JOB)
      .where('state', '=', 'queued')
      .executeTakeFirstOrThrow();
    // The next poll waits the configured interval (300 s by default).
    expect(Date.parse(next.run_at) - Date.now()).toBeGreaterThan(200_000);
  });
});
