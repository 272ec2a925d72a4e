import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequest } from '../../src/features/data-requests/index.js';
import { decodedBody, readOutbox } from '../helpers/mail.js';
import {
  EDITOR_PASSWORD,
  gritting,
  RESIDENT_PASSWORD,
  requestTest,
  type RequestTest,
} from '../helpers/data-request-fixture.js';
import { $, h1, PageClient, signedInAs } from '../helpers/pages.js';

// The pages of data requests, as people use them: a resident asks through the form, another
// says they need it too and comments, the council answers through its form, the list filters.

let rt: RequestTest;
beforeAll(async () => {
  rt = await requestTest();
}, 60_000);
afterAll(() => rt.t.close());

describe('asking through the form', () => {
  it('sends the anonymous to sign in first', async () => {
    const res = await new PageClient(rt.t.app).get('/data-requests/new');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fdata-requests%2Fnew');
  });

  it('shows every problem in the error summary, then publishes the request', async () => {
    const rita = await signedInAs(rt.t.app, 'rita@example.net', RESIDENT_PASSWORD);
    const bad = await rita.post('/data-requests/new', { title: '', purpose: '', organisation: '' });
    expect(bad.statusCode).toBe(422);
    const summary = $(bad.body)('.govuk-error-summary').text();
    expect(summary).toContain('Enter the data you need');
    expect(summary).toContain('Say what you need the data for');
    expect(summary).toContain('Choose the body you think holds the data');

    const ok = await rita.post('/data-requests/new', gritting, { from: '/data-requests/new' });
    expect(ok.statusCode, ok.body).toBe(303);
    const page = await rita.get(String(ok.headers.location));
    expect(h1(page.body)).toBe(gritting.title);
    expect(page.body).toContain('Your request is published');
    expect($(page.body)('#request-status').text()).toContain('Awaiting a response');
  });

  it('refuses a post without its CSRF token', async () => {
    const rita = await signedInAs(rt.t.app, 'rita@example.net', RESIDENT_PASSWORD);
    const res = await rita.post('/data-requests/new', gritting, { csrf: null });
    expect(res.statusCode).toBe(403);
  });
});

describe('supporting, commenting and answering on the page', () => {
  it('counts "I need this too", publishes a comment, and shows the council’s answer', async () => {
    const rita = rt.residents[0];
    if (!rita) throw new Error('no resident');
    const r = await createRequest(rt.t.ctx, rita.actor, gritting);
    const url = `/data-requests/${r.id}`;
    const anonymous = await new PageClient(rt.t.app).get(url);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('Sign in</a> to say you need this too');

    const nick = await signedInAs(rt.t.app, 'nick@example.net', RESIDENT_PASSWORD);
    expect((await nick.post(`${url}/support`, {}, { from: url })).statusCode).toBe(303);
    const supported = await nick.get(url);
    expect($(supported.body)('#supporters').text()).toContain('1 person needs this too');
    const empty = await nick.post(`${url}/comments`, { body: ' ' }, { from: url });
    expect(empty.statusCode).toBe(422);
    expect($(empty.body)('.govuk-error-summary').text()).toContain('Enter your comment');
    await nick.post(`${url}/comments`, { body: 'Please include the pavements.' }, { from: url });
    expect((await nick.get(url)).body).toContain('Please include the pavements.');
    // Residents cannot answer.
    expect((await nick.get(`${url}/answer`)).statusCode).toBe(403);

    const editor = await signedInAs(rt.t.app, 'editor@bolton.example', EDITOR_PASSWORD);
    const form = await editor.get(`${url}/answer`);
    expect(form.statusCode).toBe(200);
    const missing = await editor.post(
      `${url}/answer`,
      { status: 'accepted', reason: 'Soon' },
      { from: `${url}/answer` },
    );
    expect(missing.statusCode).toBe(422);
    expect($(missing.body)('.govuk-error-summary').text()).toContain('Enter a target date');
    const before = (await readOutbox(rt.t.ctx)).length;
    const answered = await editor.post(
      `${url}/answer`,
      {
        status: 'accepted',
        reason: 'We will publish the routes this winter.',
        'target_date-day': '15',
        'target_date-month': '1',
        'target_date-year': '2027',
      },
      { from: `${url}/answer` },
    );
    expect(answered.statusCode, answered.body).toBe(303);
    const shown = await nick.get(url);
    expect($(shown.body)('#answer').text()).toContain('We will publish the routes this winter.');
    expect($(shown.body)('#answer').text()).toContain('15 January 2027');
    expect($(shown.body)('#history').text()).toContain('Accepted');
    const mail = (await readOutbox(rt.t.ctx)).slice(before).map(decodedBody);
    expect(mail).toHaveLength(2);
    expect(mail[0]).toContain('Status: Accepted');

    // The council's editor hides the comment with a reason; the public no longer sees it.
    const comment = $(shown.body)('form[action*="/moderate"]').attr('action');
    expect(comment).toBeUndefined();
    const staffView = await editor.get(url);
    const action = $(staffView.body)('form[action*="/moderate"]').attr('action') ?? '';
    const noReason = await editor.post(action, { action: 'hide', reason: '' }, { from: url });
    expect(noReason.statusCode).toBe(422);
    expect(
      (await editor.post(action, { action: 'hide', reason: 'Off topic' }, { from: url }))
        .statusCode,
    ).toBe(303);
    expect((await nick.get(url)).body).not.toContain('Please include the pavements.');
  });
});

describe('the list page', () => {
  it('filters by status and words, and says when nothing matches', async () => {
    const client = new PageClient(rt.t.app);
    const all = await client.get('/data-requests');
    expect(all.statusCode).toBe(200);
    expect($(all.body)('.app-data-request').length).toBeGreaterThan(0);
    const accepted = await client.get('/data-requests?status=accepted');
    expect($(accepted.body)('.app-data-request').text()).toContain('Accepted');
    expect($(accepted.body)('.app-data-request').text()).not.toContain('Awaiting a response');
    const none = await client.get('/data-requests?q=nothing-like-this&overdue=yes');
    expect($(none.body)('#result-count').text()).toContain('0 requests');
    expect(none.body).toContain('No requests match these filters.');
    expect((await client.get('/data-requests?status=lost')).statusCode).toBe(400);
  });

  it('answers 404 for a request that does not exist', async () => {
    const res = await new PageClient(rt.t.app).get(
      '/data-requests/00000000-0000-4000-8000-000000000000',
    );
    expect(res.statusCode).toBe(404);
  });
});
