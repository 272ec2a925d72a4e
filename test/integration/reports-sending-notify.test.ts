import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyReportUpdate,
  createReport,
  postReportUpdate,
  reportJobHandlers,
} from '../../src/features/reports/index.js';
import type { Report } from '../../src/platform/db/schema.js';
import { newId } from '../../src/platform/ids.js';
import { enqueueJob, runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { startMailCatcher, type MailCatcher } from '../helpers/loopback-servers.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Updates on a report are e-mailed to its reporter and to everyone who confirmed "me too",
// over a real SMTP server; unconfirmed supporters and hidden updates get nothing.

let t: TestApp;
let fx: ReportFixture;
let smtp: MailCatcher;
let report: Report;
const SUPPORTER = 'also-me@example.org';
const UNCONFIRMED = 'maybe-me@example.org';

const drain = () => runDueJobs(t.ctx.db, reportJobHandlers(t.ctx));

async function support(email: string, confirmed: boolean) {
  await t.ctx.db.kysely
    .insertInto('report_supporters')
    .values({
      id: newId(),
      report_id: report.id,
      user_id: null,
      email,
      confirmed: confirmed ? 1 : 0,
      token_hash: confirmed ? null : 'pending-token-hash',
      created_at: new Date().toISOString(),
    })
    .execute();
}

beforeAll(async () => {
  smtp = await startMailCatcher();
  t = await createTestApp({ smtpUrl: smtp.url });
  fx = await seedReportFixture(t.ctx);
  ({ report } = await createReport(t.ctx, fx.actors.resident, {
    category: 'fly-tipping',
    ...fx.points.west,
    description: 'Bin bags piled against the bus shelter',
    source: 'web',
    clientAddress: '192.0.2.30',
  }));
  await support(SUPPORTER, true);
  await support(UNCONFIRMED, false);
  await drain(); // the report itself goes to Westshire
}, 60_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('telling people about an update', () => {
  it('mails the reporter and confirmed supporters the status, the words and the link', async () => {
    await postReportUpdate(t.ctx, fx.actors.westEditor, report.id, {
      status: 'action_scheduled',
      text: 'A crew will clear it on Thursday.',
      source: 'web',
    });
    await drain();
    for (const [to, subject] of [
      [fx.emails.resident, 'Update on your report: Fly-tipping (Action scheduled)'],
      [SUPPORTER, 'Update on a report you support: Fly-tipping (Action scheduled)'],
    ] as const) {
      const mails = smtp.to(to);
      expect(mails, to).toHaveLength(1);
      const mail = mails[0]?.raw ?? '';
      expect(mail).toMatch(new RegExp(`^Subject: ${subject.replace(/[()]/g, '\\$&')}`, 'm'));
      expect(mail).toContain('Status: Action scheduled');
      expect(mail).toContain('A crew will clear it on Thursday.');
      expect(mail).toContain(`http://metrodata.test/reports/${report.id}`);
    }
    expect(smtp.to(UNCONFIRMED)).toHaveLength(0);
    // Each update is told once, however often the queue runs.
    await drain();
    expect(smtp.to(SUPPORTER)).toHaveLength(1);
  });

  it('does not mail the reporter their own update, but tells the supporters', async () => {
    const residentId = fx.actors.resident.user?.id ?? null;
    await applyReportUpdate(t.ctx, report, {
      status: 'open',
      text: 'Still there a week later.',
      source: 'reporter',
      authorId: residentId,
      organisationId: null,
    });
    await drain();
    expect(smtp.to(fx.emails.resident)).toHaveLength(1);
    expect(smtp.to(SUPPORTER)).toHaveLength(2);
    expect(smtp.to(SUPPORTER)[1]?.raw).toContain('Still there a week later.');
    expect(smtp.to(UNCONFIRMED)).toHaveLength(0);
  });

  it('says nothing of a hidden update', async () => {
    const id = newId();
    await t.ctx.db.kysely
      .insertInto('report_updates')
      .values({
        id,
        report_id: report.id,
        author_user_id: null,
        organisation_id: report.organisation_id,
        status: null,
        text: 'Abusive words a moderator hid',
        source: 'web',
        external_id: null,
        hidden: 1,
        created_at: new Date().toISOString(),
      })
      .execute();
    await enqueueJob(t.ctx.db, { kind: 'report.notify', payload: { updateId: id } });
    const before = smtp.messages.length;
    await drain();
    const job = await t.ctx.db.kysely
      .selectFrom('jobs')
      .select('state')
      .where('payload', '=', JSON.stringify({ updateId: id }))
      .executeTakeFirstOrThrow();
    expect(job.state).toBe('done');
    expect(smtp.messages).toHaveLength(before);
  });
});
