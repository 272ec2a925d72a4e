import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import {
  challengeTest,
  entry,
  inclusion,
  PAST,
  type ChallengeBody,
  type ChallengeTest,
  type EntryBody,
  type EntryListBody,
} from '../helpers/challenge-fixture.js';
import type { Fixture } from '../helpers/fixture.js';
import { decodedBody, readOutbox } from '../helpers/mail.js';

// Challenges through the API: who sets them, drafts, entering until the deadline (moved to a
// fixed past date, not waited for), entries private until then, teams, judging and the outcome.

let c: ChallengeTest;
let t: TestApp;
let fx: Fixture;
beforeAll(async () => {
  c = await challengeTest();
  ({ t, fx } = c);
});
afterAll(() => t.close());

const api: ChallengeTest['api'] = (...args) => c.api(...args);
const URL = '/api/v1/challenges/digital-inclusion';
let entryId = '';

describe('challenges through the API', () => {
  it("lets the organisation's editors publish, starting as a draft only they see", async () => {
    expect((await api('POST', '/api/v1/challenges', undefined, inclusion)).statusCode).toBe(401);
    // A council's editor cannot set the mayor's office's challenge.
    expect((await api('POST', '/api/v1/challenges', fx.tokens.editor, inclusion)).statusCode).toBe(
      403,
    );
    const res = await api('POST', '/api/v1/challenges', c.mayorsEditor, inclusion);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe(`http://metrodata.test${URL}`);
    expect(res.json<ChallengeBody>()).toMatchObject({
      status: 'draft',
      datasets: [{ slug: 'bus-punctuality' }, { slug: 'air-quality' }],
      promise: { slug: 'full-fibre-schools' },
      entry_count: 0,
    });
    expect((await api('GET', URL)).statusCode).toBe(404);
    expect((await api('GET', URL, fx.tokens.editor)).statusCode).toBe(404);
    const list = await api('GET', '/api/v1/challenges');
    expect(list.json<{ total: number }>().total).toBe(0);
  });

  it('refuses private datasets, unknown promises and bad dates with the error shape', async () => {
    const bad = await api('POST', '/api/v1/challenges', c.mayorsEditor, {
      ...inclusion,
      slug: 'bad-one',
      datasets: ['staff-rota'],
      promise: 'no-such-promise',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ error: { details: unknown } }>().error.details).toEqual([
      { field: 'promise', message: 'no promise no-such-promise' },
      { field: 'datasets', message: 'There is no public dataset “staff-rota”' },
    ]);
    const date = await api('POST', '/api/v1/challenges', c.mayorsEditor, {
      ...inclusion,
      deadline: 'next week',
    });
    expect(date.statusCode).toBe(400);
  });

  it('opens the challenge once published; a council editor still cannot edit it', async () => {
    const edit = await api('PATCH', URL, fx.tokens.editor, { title: 'Mine now' });
    expect(edit.statusCode).toBe(404);
    const published = await api('PATCH', URL, c.mayorsEditor, { state: 'published' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<ChallengeBody>().status).toBe('open');
    expect((await api('PATCH', URL, fx.tokens.editor, { title: 'Mine' })).statusCode).toBe(403);
    const open = await api('GET', '/api/v1/challenges?status=open');
    expect(open.json<{ results: { slug: string }[] }>().results.map((r) => r.slug)).toEqual([
      'digital-inclusion',
    ]);
    const activity = await t.ctx.db.kysely
      .selectFrom('activities')
      .select('action')
      .where('subject_type', '=', 'challenge')
      .orderBy('created_at')
      .execute();
    expect(activity.map((a) => a.action)).toEqual(['challenge.created', 'challenge.updated']);
  });

  it('lets signed-in people enter, and keeps entries to their team before the deadline', async () => {
    expect((await api('POST', `${URL}/entries`, undefined, entry)).statusCode).toBe(401);
    const res = await api('POST', `${URL}/entries`, fx.tokens.outsider, entry);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<EntryBody>();
    entryId = body.id;
    expect(body.members).toEqual([{ name: 'resident', role: 'lead' }]);
    expect(body.pending_invitations).toBe(1);
    // The invited address is told where to accept.
    const mail = (await readOutbox(t.ctx))
      .map(decodedBody)
      .find((m) => m.includes('Friend@'.toLowerCase()));
    expect(mail).toContain('/sign-in?next=%2Faccount%2Fchallenges');
    expect(mail).toContain('Not-spots map');

    const anon = await api('GET', `${URL}/entries`);
    expect(anon.json<EntryListBody>()).toMatchObject({ total: 0, entries_public: false });
    const other = await api('GET', `${URL}/entries`, fx.tokens.otherEditor);
    expect(other.json<EntryListBody>().total).toBe(0);
    const own = await api('GET', `${URL}/entries`, fx.tokens.outsider);
    expect(own.json<EntryListBody>().total).toBe(1);
    const judge = await api('GET', `${URL}/entries`, c.mayorsEditor);
    expect(judge.json<EntryListBody>().total).toBe(1);
    expect((await api('GET', URL)).json<ChallengeBody>().entry_count).toBe(1);
  });

  it('lets an invited person accept with the address invited, and no one else', async () => {
    const invitations = await api('GET', '/api/v1/challenge-invitations', c.friend);
    expect(invitations.json<{ results: { entry_id: string }[] }>().results).toEqual([
      expect.objectContaining({ entry_id: entryId }),
    ]);
    const stranger = await api('POST', `${URL}/entries/${entryId}/accept`, fx.tokens.member);
    expect(stranger.statusCode).toBe(404);
    // Someone holding an account for the invited address they never proved cannot take the place.
    await t.ctx.db.kysely
      .updateTable('users')
      .set({ email_verified_at: null })
      .where('email', '=', 'friend@example.org')
      .execute();
    const unproved = await api('POST', `${URL}/entries/${entryId}/accept`, c.friend);
    expect(unproved.statusCode).toBe(403);
    await t.ctx.db.kysely
      .updateTable('users')
      .set({ email_verified_at: '2026-01-01T00:00:00.000Z' })
      .where('email', '=', 'friend@example.org')
      .execute();
    const res = await api('POST', `${URL}/entries/${entryId}/accept`, c.friend);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EntryBody>().members).toEqual([
      { name: 'resident', role: 'lead' },
      { name: 'Friend Resident', role: 'member' },
    ]);
    const again = await api('POST', `${URL}/entries/${entryId}/accept`, c.friend);
    expect(again.statusCode).toBe(404);
  });

  it('refuses to judge before the deadline', async () => {
    const early = await api('POST', `${URL}/winners`, c.mayorsEditor, { winners: [entryId] });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { code: string } }>().error.code).toBe('deadline_not_passed');
  });

  it('closes entries at the deadline, with a clear error, and then makes them public', async () => {
    const moved = await api('PATCH', URL, c.mayorsEditor, { deadline: PAST });
    expect(moved.json<ChallengeBody>().status).toBe('judging');
    const late = await api('POST', `${URL}/entries`, fx.tokens.member, {
      ...entry,
      members: [],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'deadline_passed',
      message: `Entries closed at the deadline, ${PAST}`,
    });
    const anon = await api('GET', `${URL}/entries`);
    expect(anon.json<EntryListBody>()).toMatchObject({ total: 1, entries_public: true });
  });

  it('lets only the organisation mark winners and write the outcome', async () => {
    const winners = { winners: [entryId] };
    expect((await api('POST', `${URL}/winners`, fx.tokens.outsider, winners)).statusCode).toBe(403);
    const unknown = await api('POST', `${URL}/winners`, c.mayorsEditor, {
      winners: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(422);
    const res = await api('POST', `${URL}/winners`, c.mayorsEditor, winners);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ChallengeBody>().status).toBe('decided');
    const outcome = await api('PUT', `${URL}/outcome`, c.mayorsEditor, {
      outcome: 'The **not-spots map** won; a pilot starts in March.',
    });
    expect(outcome.statusCode, outcome.body).toBe(200);
    const read = await api('GET', URL);
    expect(read.json<ChallengeBody>()).toMatchObject({
      status: 'decided',
      outcome: 'The **not-spots map** won; a pilot starts in March.',
    });
    const entries = await api('GET', `${URL}/entries`);
    expect(entries.json<EntryListBody>().results[0]?.award).toBe('winner');
    const decided = await api(
      'GET',
      '/api/v1/challenges?status=decided&promise=full-fibre-schools',
    );
    expect(decided.json<{ total: number }>().total).toBe(1);
  });
});
