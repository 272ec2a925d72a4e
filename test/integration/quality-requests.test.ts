import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyResponsiveness } from '../../src/features/data-requests/index.js';
import { rescorePass } from '../../src/features/quality/index.js';
import { gritting, requestTest, type RequestTest } from '../helpers/data-request-fixture.js';
import { $ } from '../helpers/pages.js';

// Data requests in the bodies' scores: Bolton has one request answered after 3 working days
// (under consideration first, which is not a decision), one never answered and long overdue,
// and one new whose only comment a moderator hid; Wigan has none and is not penalised.

const DAY_MS = 86_400_000;

interface Responsiveness {
  open_requests: number;
  overdue_requests: number;
  answered_requests: number;
  median_working_days: number | null;
  answered_in_time_percent: number | null;
}
interface Row {
  organisation: { slug: string };
  average_score: number;
  overall_score: number;
  responsiveness: Responsiveness;
}

let rt: RequestTest;
/** A Monday about eight weeks ago: far past the 20 working days' target, within 12 months. */
let monday: Date;

const at = (days: number, hour: number) =>
  new Date(monday.getTime() + days * DAY_MS + hour * 3_600_000).toISOString();

async function ask(title: string): Promise<string> {
  const res = await rt.api('POST', '/api/v1/data-requests', rt.residents[0]?.token, {
    ...gritting,
    title,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function answer(id: string, body: object) {
  const res = await rt.api('POST', `/api/v1/data-requests/${id}/status`, rt.fx.tokens.editor, body);
  expect(res.statusCode, res.body).toBe(201);
}

/** Moves a request, and its answers by their status, back to when they happened. */
async function backdate(id: string, created: string, answers: Record<string, string> = {}) {
  const k = rt.t.ctx.db.kysely;
  await k.updateTable('data_requests').set({ created_at: created }).where('id', '=', id).execute();
  for (const [status, when] of Object.entries(answers)) {
    await k
      .updateTable('data_request_status_changes')
      .set({ created_at: when })
      .where('request_id', '=', id)
      .where('to_status', '=', status as 'accepted')
      .execute();
  }
}

beforeAll(async () => {
  rt = await requestTest();
  const weeksAgo = new Date(Date.now() - 56 * DAY_MS);
  const back = (weeksAgo.getUTCDay() + 6) % 7;
  monday = new Date(
    Date.UTC(weeksAgo.getUTCFullYear(), weeksAgo.getUTCMonth(), weeksAgo.getUTCDate() - back),
  );

  const answered = await ask('Gritting routes');
  await answer(answered, { status: 'under_consideration', reason: 'Looking into it' });
  await answer(answered, {
    status: 'accepted',
    reason: 'We will publish it',
    target_date: '2099-01-01',
  });
  // Made on Monday, considered on Tuesday, accepted on Thursday: 3 working days.
  await backdate(answered, at(0, 10), { under_consideration: at(1, 10), accepted: at(3, 15) });

  const ignored = await ask('Street light faults');
  await backdate(ignored, at(0, 11));

  const moderated = await ask('Bin collection days');
  const comment = await rt.api(
    'POST',
    `/api/v1/data-requests/${moderated}/comments`,
    rt.residents[1]?.token,
    { body: 'Buy cheap bins at example.com' },
  );
  expect(comment.statusCode, comment.body).toBe(201);
  const hidden = await rt.api(
    'POST',
    `/api/v1/data-requests/${moderated}/comments/${comment.json<{ id: string }>().id}/moderation`,
    rt.fx.tokens.editor,
    { action: 'hide', reason: 'Advertising' },
  );
  expect(hidden.statusCode, hidden.body).toBe(201);

  await rescorePass(rt.t.ctx, bodyResponsiveness);
}, 60_000);
afterAll(() => rt.t.close());

const BOLTON: Responsiveness = {
  open_requests: 2,
  overdue_requests: 1,
  answered_requests: 1,
  median_working_days: 3,
  answered_in_time_percent: 50,
};

describe('data requests in the quality scores', () => {
  it('counts a body’s open, overdue and answered requests, and how fast it answers', async () => {
    const res = await rt.api('GET', '/api/v1/quality/organisations/bolton');
    expect(res.statusCode).toBe(200);
    const o = res.json<{ score: Row; responsiveness: Responsiveness }>();
    // The request whose comment was hidden still counts: requests are public, only comments
    // are moderated, and a comment is never an answer.
    expect(o.responsiveness).toEqual(BOLTON);
    expect(o.score.responsiveness).toEqual(BOLTON);
  });

  it('ranks the league on metadata and responsiveness, a body without requests unpenalised', async () => {
    const res = await rt.api('GET', '/api/v1/quality/organisations');
    const rows = res.json<{ results: Row[] }>().results;
    const bolton = rows.find((r) => r.organisation.slug === 'bolton');
    const wigan = rows.find((r) => r.organisation.slug === 'wigan');
    expect(bolton?.responsiveness).toEqual(BOLTON);
    // 80% metadata (as a share of 405 points), 20% the requests answered in time.
    const metadata = ((bolton?.average_score ?? 0) / 405) * 100;
    expect(bolton?.overall_score).toBeCloseTo(0.8 * metadata + 0.2 * 50, 1);
    expect(wigan?.responsiveness).toEqual({
      open_requests: 0,
      overdue_requests: 0,
      answered_requests: 0,
      median_working_days: null,
      answered_in_time_percent: null,
    });
    expect(wigan?.overall_score).toBeCloseTo(((wigan?.average_score ?? 0) / 405) * 100, 1);
    const overall = rows.map((r) => r.overall_score);
    expect(overall).toEqual([...overall].sort((a, b) => b - a));
  });

  it('keeps the requests in the day’s snapshot, for the trend', async () => {
    const res = await rt.api('GET', '/api/v1/quality/organisations/bolton');
    const trend = res.json<{ trend: Record<string, unknown>[] }>().trend;
    expect(trend.at(-1)).toMatchObject({
      open_requests: 2,
      overdue_requests: 1,
      answered_in_time_percent: 50,
    });
  });

  it('shows the responsiveness column in the league table and the figures on the body’s page', async () => {
    const league = $((await rt.api('GET', '/quality')).body);
    const cell = (slug: string, what: string) =>
      league(`#league-table tr[data-organisation="${slug}"] [${what}]`).text().trim();
    expect(league('#league-table thead').text()).toContain('Responsiveness');
    expect(cell('bolton', 'data-responsiveness')).toBe('50% in time');
    expect(cell('wigan', 'data-responsiveness')).toBe('No requests due');
    expect(league('#overall').length).toBe(1);

    const page = $((await rt.api('GET', '/quality/organisations/bolton')).body);
    const figures = page('#organisation-requests').text().replace(/\s+/g, ' ');
    expect(figures).toContain('Awaiting a decision 2');
    expect(figures).toContain('Overdue (past 20 working days) 1');
    expect(figures).toContain('Median working days to answer 3');
    expect(figures).toContain('Answered in time 50%');
  });
});
