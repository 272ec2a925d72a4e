import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createReport,
  offerCategory,
  reportJobHandlers,
} from '../../src/features/reports/index.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { startReceiver, type Receiver } from '../helpers/loopback-servers.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// A body's admins set where its reports go. An address inside the platform's own network (a
// loopback or private address, a cloud's metadata service) is refused unless the operator
// allowed it (OUTBOUND_ALLOWED_PRIVATE, empty by default), so a route cannot make the platform
// POST to, and read answers from, what only it can reach.

let t: TestApp;
let fx: ReportFixture;
let inside: Receiver;

beforeAll(async () => {
  inside = await startReceiver();
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
}, 60_000);
afterAll(async () => {
  await t.close();
  await inside.close();
});

async function sendTo(method: 'webhook' | 'open311', organisation: string) {
  await offerCategory(t.ctx, fx.actors.admin, {
    organisation,
    category: 'fly-tipping',
    sendMethod: method,
    destination: inside.url,
    secret: 'a-secret',
  });
  const { report } = await createReport(t.ctx, fx.actors.resident, {
    source: 'web',
    clientAddress: '192.0.2.10',
    category: 'fly-tipping',
    ...(organisation === 'westshire' ? fx.points.west : fx.points.east),
    description: 'Mattresses dumped by the school gates',
  });
  await runDueJobs(t.ctx.db, reportJobHandlers(t.ctx), { backoff: () => 0 });
  const job = await t.ctx.db.kysely
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', 'report.send')
    .where('payload', '=', JSON.stringify({ reportId: report.id }))
    .executeTakeFirstOrThrow();
  const row = await t.ctx.db.kysely
    .selectFrom('reports')
    .selectAll()
    .where('id', '=', report.id)
    .executeTakeFirstOrThrow();
  return { job, row };
}

describe('a route to an address inside the network', () => {
  it('is refused for a webhook: nothing is sent, the report is parked with why', async () => {
    const { job, row } = await sendTo('webhook', 'westshire');
    expect(inside.requests).toHaveLength(0);
    expect(job.state).toBe('parked');
    expect(job.last_error).toMatch(/is refused: .*private address.*OUTBOUND_ALLOWED_PRIVATE/);
    expect(row.send_state).toBe('failed');
  });

  it('is refused for an Open311 endpoint likewise', async () => {
    const { job, row } = await sendTo('open311', 'eastshire');
    expect(inside.requests).toHaveLength(0);
    expect(job.state).toBe('parked');
    expect(job.last_error).toMatch(/Open311 endpoint is refused .*private address/);
    expect(row.send_state).toBe('failed');
  });
});
