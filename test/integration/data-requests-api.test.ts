import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodedBody, readOutbox } from '../helpers/mail.js';
import { gritting, requestTest, type RequestTest } from '../helpers/data-request-fixture.js';

// Data requests through the API: a resident asks, others support and comment, the assigned
// body answers (each answer kept in the history and e-mailed), moderators hide comments, and
// the list filters, searches, pages and flags overdue requests.

let rt: RequestTest;
beforeAll(async () => {
  rt = await requestTest();
}, 60_000);
afterAll(() => rt.t.close());

interface RequestBody {
  id: string;
  status: string;
  status_reason: string | null;
  supporters: number;
  overdue: boolean;
  response_due: string;
  organisation: { slug: string };
  dataset: { slug: string; url: string } | null;
  refusal_reason: string | null;
  history: { from: string; to: string; reason: string; by: { name: string } | null }[];
  comments: { id: string; body: string; hidden: boolean; author: { name: string } | null }[];
}
interface ListBody {
  total: number;
  page: number;
  per_page: number;
  results: RequestBody[];
}

const api: RequestTest['api'] = (...args) => rt.api(...args);
const rita = () => rt.residents[0]?.token ?? '';
const nick = () => rt.residents[1]?.token ?? '';

async function ask(extra: Partial<typeof gritting> = {}, token = rita()): Promise<RequestBody> {
  const res = await api('POST', '/api/v1/data-requests', token, { ...gritting, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<RequestBody>();
}

describe('asking for a dataset', () => {
  it('publishes a signed-in resident’s request, awaiting an answer, with its due date', async () => {
    const res = await api('POST', '/api/v1/data-requests', rita(), gritting);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<RequestBody>();
    expect(res.headers.location).toBe(
      `http://localhost/api/v1/data-requests/${body.id}`.replace(
        'http://localhost',
        rt.t.ctx.config.baseUrl,
      ),
    );
    expect(body).toMatchObject({ status: 'new', supporters: 0, overdue: false });
    expect(body.organisation.slug).toBe('bolton');
    expect(body.response_due > new Date().toISOString().slice(0, 10)).toBe(true);
    const read = await api('GET', `/api/v1/data-requests/${body.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<RequestBody>().history).toEqual([]);
  });

  it('refuses the anonymous (401) and names what is wrong with the input', async () => {
    expect((await api('POST', '/api/v1/data-requests', undefined, gritting)).statusCode).toBe(401);
    const noBody = await api('POST', '/api/v1/data-requests', rita(), {
      ...gritting,
      organisation: 'nowhere',
    });
    expect(noBody.statusCode).toBe(422);
    expect(noBody.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'organisation',
    );
    const badTheme = await api('POST', '/api/v1/data-requests', rita(), {
      ...gritting,
      theme: 'astrology',
    });
    expect(badTheme.statusCode).toBe(422);
    const missing = await api('POST', '/api/v1/data-requests', rita(), {
      purpose: 'x',
      organisation: 'bolton',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('invalid_request');
  });
});

describe('answering a request', () => {
  it('lets only the assigned body answer; the answer is kept in the history and e-mailed', async () => {
    const r = await ask();
    expect((await api('POST', `/api/v1/data-requests/${r.id}/supporters`, nick())).json()).toEqual({
      outcome: 'counted',
      supporters: 1,
    });
    const answer = { status: 'under_consideration', reason: 'We are checking what we hold.' };
    const wigan = await api(
      'POST',
      `/api/v1/data-requests/${r.id}/status`,
      rt.fx.tokens.otherEditor,
      answer,
    );
    expect(wigan.statusCode).toBe(403);
    const member = await api(
      'POST',
      `/api/v1/data-requests/${r.id}/status`,
      rt.fx.tokens.member,
      answer,
    );
    expect(member.statusCode).toBe(403);

    const before = (await readOutbox(rt.t.ctx)).length;
    const res = await api(
      'POST',
      `/api/v1/data-requests/${r.id}/status`,
      rt.fx.tokens.editor,
      answer,
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<RequestBody>();
    expect(body.status).toBe('under_consideration');
    expect(body.history).toMatchObject([
      { from: 'new', to: 'under_consideration', reason: answer.reason, by: { name: 'editor' } },
    ]);

    const mail = (await readOutbox(rt.t.ctx)).slice(before);
    const to = mail.map((m) => /^To: (.*)$/m.exec(m)?.[1]?.trim()).sort();
    expect(to).toEqual(['nick@example.net', 'rita@example.net']);
    const text = decodedBody(mail[0] ?? '');
    expect(text).toContain('Under consideration');
    expect(text).toContain(`/data-requests/${r.id}`);
    expect(text).toContain(answer.reason);
  });

  it('asks for what each answer needs: a target date, the dataset, the refusal reason', async () => {
    const r = await ask();
    const post = (payload: object) =>
      api('POST', `/api/v1/data-requests/${r.id}/status`, rt.fx.tokens.editor, payload);
    const accepted = await post({ status: 'accepted', reason: 'Yes' });
    expect(accepted.statusCode).toBe(422);
    expect(accepted.body).toContain('target_date');
    expect((await post({ status: 'refused', reason: 'No' })).statusCode).toBe(422);
    // A private dataset cannot answer a public request.
    expect(
      (await post({ status: 'released', reason: 'Here', dataset: 'staff-rota' })).statusCode,
    ).toBe(422);
    expect(
      (await post({ status: 'duplicate', reason: 'Same', duplicate_of: r.id })).statusCode,
    ).toBe(422);
    expect((await post({ status: 'new', reason: 'Back' })).statusCode).toBe(400);

    const ok = await post({
      status: 'refused',
      reason: 'It names staff.',
      refusal_reason: 'personal_data',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<RequestBody>()).toMatchObject({
      status: 'refused',
      refusal_reason: 'personal_data',
    });
  });

  it('links a released dataset, whose page then says it answers the request', async () => {
    const r = await ask({ title: 'Bus punctuality by route' });
    const res = await api('POST', `/api/v1/data-requests/${r.id}/status`, rt.fx.tokens.editor, {
      status: 'released',
      reason: 'Published monthly from now on.',
      dataset: 'bus-punctuality',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<RequestBody>().dataset?.slug).toBe('bus-punctuality');
    const page = await rt.t.app.inject('/datasets/bus-punctuality');
    expect(page.body).toContain('Published in answer to a data request');
    expect(page.body).toContain(`href="/data-requests/${r.id}"`);
  });

  it('lets a site admin re-assign a request, after which the new body answers it', async () => {
    const r = await ask({ title: 'Air quality near schools' });
    const move = (token: string) =>
      api('PUT', `/api/v1/data-requests/${r.id}/organisation`, token, { organisation: 'wigan' });
    expect((await move(rt.fx.tokens.editor)).statusCode).toBe(403);
    const moved = await move(rt.fx.tokens.admin);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<RequestBody>().organisation.slug).toBe('wigan');
    const answer = { status: 'accepted', reason: 'We will.', target_date: '2027-03-31' };
    const post = (token: string) =>
      api('POST', `/api/v1/data-requests/${r.id}/status`, token, answer);
    expect((await post(rt.fx.tokens.editor)).statusCode).toBe(403);
    expect((await post(rt.fx.tokens.otherEditor)).statusCode).toBe(201);
  });
});

describe('support and comments', () => {
  it('counts each person once and not the requester', async () => {
    const r = await ask();
    const support = (token: string) =>
      api('POST', `/api/v1/data-requests/${r.id}/supporters`, token);
    expect((await support(nick())).json()).toEqual({ outcome: 'counted', supporters: 1 });
    expect((await support(nick())).json()).toEqual({ outcome: 'already', supporters: 1 });
    expect((await support(rita())).statusCode).toBe(409);
    expect((await api('POST', `/api/v1/data-requests/${r.id}/supporters`)).statusCode).toBe(401);
    expect((await api('GET', `/api/v1/data-requests/${r.id}`)).json<RequestBody>().supporters).toBe(
      1,
    );
  });

  it('hides a comment from the public by its moderators, with a reason, audited', async () => {
    const r = await ask();
    const posted = await api('POST', `/api/v1/data-requests/${r.id}/comments`, nick(), {
      body: 'Spam spam spam',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const comment = posted.json<{ id: string; author: { name: string } }>();
    expect(comment.author.name).toBe('Nick Neighbour');
    const url = `/api/v1/data-requests/${r.id}/comments/${comment.id}/moderation`;
    const hide = { action: 'hide', reason: 'Advertising' };
    expect((await api('POST', url, nick(), hide)).statusCode).toBe(403);
    expect((await api('POST', url, rt.fx.tokens.otherEditor, hide)).statusCode).toBe(403);
    expect((await api('POST', url, rt.fx.tokens.editor, hide)).statusCode).toBe(201);
    expect((await api('POST', url, rt.fx.tokens.editor, hide)).statusCode).toBe(409);

    expect(
      (await api('GET', `/api/v1/data-requests/${r.id}`)).json<RequestBody>().comments,
    ).toEqual([]);
    const staff = await api('GET', `/api/v1/data-requests/${r.id}`, rt.fx.tokens.editor);
    expect(staff.json<RequestBody>().comments).toMatchObject([{ id: comment.id, hidden: true }]);
    const audit = await rt.t.ctx.db.kysely
      .selectFrom('activities')
      .select('action')
      .where('subject_id', '=', r.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'data-request.created',
      'data-request.hide-comment',
    ]);
    const stored = await rt.t.ctx.db.kysely
      .selectFrom('data_request_moderations')
      .selectAll()
      .where('comment_id', '=', comment.id)
      .execute();
    expect(stored).toMatchObject([{ action: 'hide_comment', reason: 'Advertising' }]);
  });
});

describe('the list', () => {
  it('filters by status, body, theme and words, and pages', async () => {
    await ask({
      title: 'Zebra crossings',
      purpose: 'Unusual words: quokka',
      organisation: 'wigan',
      theme: 'environment',
    });
    const list = async (query: string) => {
      const res = await api('GET', `/api/v1/data-requests?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ListBody>();
    };
    const found = await list('q=QUOKKA');
    expect(found.results.map((r) => r.organisation.slug)).toEqual(['wigan']);
    expect((await list('q=50%25')).total).toBe(0);
    const wigan = await list('organisation=wigan&theme=environment');
    expect(wigan.total).toBe(1);
    const refused = await list('status=refused');
    expect(refused.results.every((r) => r.status === 'refused')).toBe(true);
    expect(refused.total).toBeGreaterThan(0);
    const all = await list('per_page=2&page=2');
    expect(all).toMatchObject({ page: 2, per_page: 2 });
    expect(all.results).toHaveLength(2);
    expect((await api('GET', '/api/v1/data-requests?status=lost')).statusCode).toBe(400);
    expect((await api('GET', '/api/v1/data-requests?organisation=nowhere')).statusCode).toBe(400);
  });

  it('flags requests awaiting an answer past the response target, in the list and on the body’s page', async () => {
    const old = await ask({ title: 'Street lighting faults' });
    await rt.t.ctx.db.kysely
      .updateTable('data_requests')
      .set({ created_at: '2026-01-05T09:00:00.000Z' })
      .where('id', '=', old.id)
      .execute();
    const res = await api('GET', '/api/v1/data-requests?overdue=true&per_page=100');
    const overdue = res.json<ListBody>().results;
    expect(overdue.map((r) => r.id)).toEqual([old.id]);
    expect(overdue[0]).toMatchObject({ overdue: true, response_due: '2026-02-02' });
    const page = await rt.t.app.inject('/organisations/bolton');
    expect(page.body).toContain('Data requests');
    expect(page.body).toContain('Street lighting faults');
    expect(page.body).toContain('Overdue: due 2026-02-02');
  });
});
