import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/features/accounts/index.js';
import { createReport, getReport, reportJobHandlers } from '../../src/features/reports/index.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// The body's side of reports on the API: status updates in public, duplicates of its own
// reports only, passing a report to the body responsible, and moderation with its record.

let t: TestApp;
let fx: ReportFixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
}, 60_000);
afterAll(() => t.close());

async function report(where: 'west' | 'east', category = 'fly-tipping', description = 'Sofas') {
  const { report } = await createReport(t.ctx, fx.actors.resident, {
    category,
    description,
    ...fx.points[where],
    ...(category === 'potholes' ? { attributes: { blocking: 'no' } } : {}),
    source: 'web',
    clientAddress: '192.0.2.9',
  });
  return report;
}

interface Answer {
  error: { details: { field: string; message: string }[] };
  report: Record<string, unknown>;
  update: { id: string };
}

const post = (token: string, url: string, payload: object) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token}` },
    payload,
  });

describe('status updates by the body', () => {
  it('posts a public update that anyone reading the report sees', async () => {
    const r = await report('west');
    const res = await post(fx.tokens.westMember, `/api/v1/reports/${r.id}/updates`, {
      status: 'action_scheduled',
      text: 'Crew booked for Tuesday',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      report: { status: 'action_scheduled', organisation: { slug: 'westshire' } },
      rerouted: false,
    });
    const seen = await getReport(t.ctx, anonymous, r.id);
    expect(seen.report.status).toBe('action_scheduled');
    expect(seen.updates.map((u) => u.text)).toEqual(['Crew booked for Tuesday']);
  });

  it('marks a duplicate of another of its reports, and refuses another body’s or itself', async () => {
    const original = await report('west');
    const copy = await report('west');
    const eastern = await report('east');
    const url = `/api/v1/reports/${copy.id}/updates`;
    const other = await post(fx.tokens.westEditor, url, {
      status: 'duplicate',
      duplicate_of: eastern.id,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json<Answer>().error.details).toEqual([
      { field: 'duplicate_of', message: 'must be another report of the same body' },
    ]);
    const itself = await post(fx.tokens.westEditor, url, {
      status: 'duplicate',
      duplicate_of: copy.id,
    });
    expect(itself.statusCode).toBe(422);
    expect(itself.json<Answer>().error.details[0]?.message).toBe('cannot be the report itself');
    const missing = await post(fx.tokens.westEditor, url, { status: 'duplicate' });
    expect(missing.statusCode).toBe(422);
    const ok = await post(fx.tokens.westEditor, url, {
      status: 'duplicate',
      duplicate_of: original.id,
      text: 'Already reported',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<Answer>().report).toMatchObject({
      status: 'duplicate',
      duplicate_of: original.id,
    });
    expect((await getReport(t.ctx, anonymous, copy.id)).report.duplicate_of).toBe(original.id);
  });

  it('passes a report to the body responsible, which gets it sent and in its queue', async () => {
    // Eastshire also answers fly-tipping: a report in Westshire passed east by Westshire's staff.
    const r = await report('west', 'fly-tipping', 'Dumped by the border');
    // The first sending (to Westshire) leaves the queue, as the sender would take it.
    await runDueJobs(t.ctx.db, { 'report.send': () => Promise.resolve() });
    const refused = await post(fx.tokens.westEditor, `/api/v1/reports/${r.id}/updates`, {
      status: 'not_responsible',
      organisation: 'transit',
    });
    expect(refused.statusCode).toBe(422);
    const res = await post(fx.tokens.westEditor, `/api/v1/reports/${r.id}/updates`, {
      status: 'not_responsible',
      organisation: 'eastshire',
      text: 'The land is Eastshire’s',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      report: { status: 'open', organisation: { slug: 'eastshire' }, send_state: 'unsent' },
      rerouted: true,
    });
    const seen = await getReport(t.ctx, anonymous, r.id);
    expect(seen.updates.at(-1)?.text).toMatch(
      /^Passed to Eastshire Council: this is not the responsibility of Westshire Council\./,
    );
    // Sent again, this time to Eastshire: a second sending job for the report.
    const jobs = await t.ctx.db.kysely
      .selectFrom('jobs')
      .select('state')
      .where('kind', '=', 'report.send')
      .where('payload', 'like', `%${r.id}%`)
      .execute();
    expect(jobs).toHaveLength(2);
    // Now Eastshire's to handle, no longer Westshire's.
    expect(
      (await post(fx.tokens.westEditor, `/api/v1/reports/${r.id}/updates`, { text: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await post(fx.tokens.eastEditor, `/api/v1/reports/${r.id}/updates`, {
          status: 'investigating',
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('moderation', () => {
  it('hides a report from the public (404) while its staff still see it, then shows it', async () => {
    const r = await report('west');
    const url = `/api/v1/reports/${r.id}/moderations`;
    const noReason = await post(fx.tokens.westEditor, url, { action: 'hide', reason: ' ' });
    expect(noReason.statusCode).toBe(422);
    const res = await post(fx.tokens.westEditor, url, { action: 'hide', reason: 'Abusive words' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ action: 'hide', reason: 'Abusive words' });
    await expect(getReport(t.ctx, anonymous, r.id)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(getReport(t.ctx, fx.actors.otherResident, r.id)).rejects.toMatchObject({
      kind: 'not_found',
    });
    const staff = await getReport(t.ctx, fx.actors.westEditor, r.id);
    expect(staff.report).toMatchObject({ state: 'hidden', moderated: 1 });
    expect(
      (await post(fx.tokens.westEditor, url, { action: 'hide', reason: 'again' })).statusCode,
    ).toBe(409);
    expect(
      (await post(fx.tokens.westEditor, url, { action: 'unhide', reason: 'Reviewed' })).statusCode,
    ).toBe(201);
    expect((await getReport(t.ctx, anonymous, r.id)).report.moderated).toBe(1);
  });

  it('sends a report hidden before it went once it is shown again', async () => {
    const r = await report('west', 'fly-tipping', 'Mattress by the canal');
    const url = `/api/v1/reports/${r.id}/moderations`;
    expect(
      (await post(fx.tokens.westEditor, url, { action: 'hide', reason: 'Check' })).statusCode,
    ).toBe(201);
    await runDueJobs(t.ctx.db, reportJobHandlers(t.ctx));
    expect((await getReport(t.ctx, fx.actors.westEditor, r.id)).report.send_state).toBe('unsent');
    expect(
      (await post(fx.tokens.westEditor, url, { action: 'unhide', reason: 'Fine' })).statusCode,
    ).toBe(201);
    await runDueJobs(t.ctx.db, reportJobHandlers(t.ctx));
    expect((await getReport(t.ctx, anonymous, r.id)).report.send_state).toBe('sent');
  });

  it('hides a photo and an update from the public only', async () => {
    const r = await report('west');
    const photoId = crypto.randomUUID();
    await t.ctx.db.kysely
      .insertInto('report_photos')
      .values({
        id: photoId,
        report_id: r.id,
        blob_key: `reports/${r.id}/${photoId}.jpg`,
        content_type: 'image/jpeg',
        width: 10,
        height: 10,
        bytes: 100,
        position: 0,
        hidden: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    const url = `/api/v1/reports/${r.id}/moderations`;
    const wrong = await post(fx.tokens.westEditor, url, {
      action: 'hide_photo',
      reason: 'A face',
      photo_id: crypto.randomUUID(),
    });
    expect(wrong.statusCode).toBe(422);
    const res = await post(fx.tokens.westEditor, url, {
      action: 'hide_photo',
      reason: 'A face',
      photo_id: photoId,
    });
    expect(res.statusCode).toBe(201);
    expect((await getReport(t.ctx, anonymous, r.id)).photos).toEqual([]);
    expect((await getReport(t.ctx, fx.actors.westEditor, r.id)).photos[0]?.hidden).toBe(1);

    const upd = await post(fx.tokens.westEditor, `/api/v1/reports/${r.id}/updates`, {
      text: 'Call me on 07700 900123',
    });
    const updateId = upd.json<Answer>().update.id;
    expect(
      (
        await post(fx.tokens.westEditor, url, {
          action: 'hide_update',
          reason: 'Phone',
          update_id: updateId,
        })
      ).statusCode,
    ).toBe(201);
    expect((await getReport(t.ctx, anonymous, r.id)).updates).toEqual([]);
  });

  it('redacts the description, keeps the reason, and logs it without the text', async () => {
    const r = await report('west', 'fly-tipping', 'Ring Sam on 07700 900456 about the sofas');
    const res = await post(fx.tokens.westAdmin, `/api/v1/reports/${r.id}/moderations`, {
      action: 'redact',
      reason: 'A phone number',
      description: 'Ring Sam on [redacted] about the sofas',
    });
    expect(res.statusCode).toBe(201);
    const seen = await getReport(t.ctx, anonymous, r.id);
    expect(seen.report.description).toBe('Ring Sam on [redacted] about the sofas');
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/${r.id}/moderations`,
      headers: { authorization: `Bearer ${fx.tokens.westMember}` },
    });
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject({
      total: 1,
      results: [{ action: 'redact', reason: 'A phone number', by: { name: 'admin' } }],
    });
    const log = await t.ctx.db.kysely
      .selectFrom('activities')
      .selectAll()
      .where('subject_type', '=', 'report')
      .where('subject_id', '=', r.id)
      .execute();
    expect(log.map((l) => l.action)).toEqual(['report.redact']);
    expect(log[0]?.diff).not.toContain('07700');
    expect(
      JSON.stringify(await t.ctx.db.kysely.selectFrom('report_moderations').selectAll().execute()),
    ).not.toContain('07700');
  });

  it('records status changes and hiding in the audit log', async () => {
    const r = await report('west');
    await post(fx.tokens.westEditor, `/api/v1/reports/${r.id}/updates`, {
      status: 'fixed',
      text: 'Done',
    });
    await post(fx.tokens.westEditor, `/api/v1/reports/${r.id}/moderations`, {
      action: 'hide',
      reason: 'Spam',
    });
    const log = await t.ctx.db.kysely
      .selectFrom('activities')
      .select(['action', 'diff', 'actor_id'])
      .where('subject_id', '=', r.id)
      .orderBy('id')
      .execute();
    expect(log.map((l) => l.action)).toEqual(['report.status-changed', 'report.hide']);
    expect(JSON.parse(log[0]?.diff ?? '{}')).toMatchObject({
      status: { from: 'open', to: 'fixed' },
    });
    expect(log.every((l) => l.actor_id !== null)).toBe(true);
  });
});
