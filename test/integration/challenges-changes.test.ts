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

// After entering: the team's lead changes or withdraws the entry until the deadline, when entries
// freeze for the judges; the organisation deletes a challenge nobody entered, and cancels one
// with entries (the entrants keep their work and are told why).

let c: ChallengeTest;
let t: TestApp;
let fx: Fixture;
beforeAll(async () => {
  c = await challengeTest();
  ({ t, fx } = c);
});
afterAll(() => t.close());

const api: ChallengeTest['api'] = (...args) => c.api(...args);
interface Failed {
  error: { code: string; message: string };
}

let n = 0;
/** A published challenge of the mayor's office, open, with one entry by `outsider` (friend invited). */
async function openChallenge(withEntry = true) {
  n++;
  const slug = `${inclusion.slug}-${n}`;
  const made = await api('POST', '/api/v1/challenges', c.mayorsEditor, {
    ...inclusion,
    slug,
    state: 'published',
  });
  expect(made.statusCode, made.body).toBe(201);
  const url = `/api/v1/challenges/${slug}`;
  if (!withEntry) return { url, id: '' };
  const res = await api('POST', `${url}/entries`, fx.tokens.outsider, entry);
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<EntryBody>().id;
  const accepted = await api('POST', `${url}/entries/${id}/accept`, c.friend);
  expect(accepted.statusCode, accepted.body).toBe(200);
  return { url, id };
}

const pastDeadline = (url: string) => api('PATCH', url, c.mayorsEditor, { deadline: PAST });

describe('an entry before the deadline', () => {
  it('is changed by its lead only; a team member cannot; to others it does not exist', async () => {
    const { url, id } = await openChallenge();
    const change = { title: 'Not-spots map, v2', team_name: '' };
    expect((await api('PATCH', `${url}/entries/${id}`, c.friend, change)).statusCode).toBe(403);
    expect(
      (await api('PATCH', `${url}/entries/${id}`, fx.tokens.otherEditor, change)).statusCode,
    ).toBe(404);
    const res = await api('PATCH', `${url}/entries/${id}`, fx.tokens.outsider, change);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EntryBody & { title: string; team_name: string | null }>()).toMatchObject({
      title: 'Not-spots map, v2',
      team_name: null,
    });
    const log = await t.ctx.db.kysely
      .selectFrom('activities')
      .select('action')
      .where('subject_id', '=', id)
      .orderBy('created_at')
      .execute();
    expect(log.map((l) => l.action)).toContain('challenge-entry.updated');
  });

  it('once withdrawn is its team’s alone: not counted, not judged, not public', async () => {
    const { url, id } = await openChallenge();
    const res = await api('POST', `${url}/entries/${id}/withdraw`, fx.tokens.outsider);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EntryBody & { withdrawn_at: string | null }>().withdrawn_at).not.toBeNull();
    const again = await api('POST', `${url}/entries/${id}/withdraw`, fx.tokens.outsider);
    expect(again.json<Failed>().error.code).toBe('withdrawn');
    const judges = await api('GET', `${url}/entries`, c.mayorsEditor);
    expect(judges.json<EntryListBody>().total).toBe(0);
    const team = await api('GET', `${url}/entries`, c.friend);
    expect(team.json<EntryListBody>().results.map((e) => e.id)).toEqual([id]);
    expect((await pastDeadline(url)).json<ChallengeBody>().entry_count).toBe(0);
    expect((await api('GET', `${url}/entries`)).json<EntryListBody>()).toMatchObject({
      entries_public: true,
      total: 0,
    });
    const winners = await api('POST', `${url}/winners`, c.mayorsEditor, { winners: [id] });
    expect(winners.statusCode).toBe(422);
  });
});

describe('after the deadline', () => {
  it('entries are frozen, with a clear error', async () => {
    const { url, id } = await openChallenge();
    await pastDeadline(url);
    const res = await api('PATCH', `${url}/entries/${id}`, fx.tokens.outsider, { title: 'Late' });
    expect(res.statusCode).toBe(409);
    expect(res.json<Failed>().error).toMatchObject({
      code: 'deadline_passed',
      message: `Entries were frozen at the deadline, ${PAST}`,
    });
    const out = await api('POST', `${url}/entries/${id}/withdraw`, fx.tokens.outsider);
    expect(out.json<Failed>().error.code).toBe('deadline_passed');
  });
});

describe('taking a challenge down', () => {
  it('deletes one nobody entered', async () => {
    const { url } = await openChallenge(false);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url,
          headers: { authorization: `Bearer ${c.mayorsEditor}` },
        })
      ).statusCode,
    ).toBe(204);
    expect((await api('GET', url, c.mayorsEditor)).statusCode).toBe(404);
  });

  it('cancels one with entries instead: the entrants keep their work and are told why', async () => {
    const { url, id } = await openChallenge();
    const del = await t.app.inject({
      method: 'DELETE',
      url,
      headers: { authorization: `Bearer ${c.mayorsEditor}` },
    });
    expect(del.statusCode).toBe(409);
    expect(del.json<Failed>().error).toMatchObject({
      code: 'has_entries',
      message: 'This challenge has 1 entry: cancel it instead, so the entrants keep their work',
    });
    const blank = await api('POST', `${url}/cancel`, c.mayorsEditor, { reason: '  ' });
    expect(blank.statusCode).toBe(422);
    const before = (await readOutbox(t.ctx)).length;
    const res = await api('POST', `${url}/cancel`, c.mayorsEditor, {
      reason: 'The funding was withdrawn.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ChallengeBody & { cancellation_reason: string }>()).toMatchObject({
      status: 'cancelled',
      cancellation_reason: 'The funding was withdrawn.',
      entries_public: false,
    });
    const mails = (await readOutbox(t.ctx)).slice(before).map(decodedBody);
    const to = mails.map((m) => /^To: (.*)$/m.exec(m)?.[1]?.trim()).sort();
    expect(to).toEqual(['friend@example.org', 'resident@example.org']);
    expect(mails[0]).toContain('The funding was withdrawn.');
    // The team still sees its entry, even past the deadline; the public never does.
    const slug = url.split('/').pop() ?? '';
    await t.ctx.db.kysely
      .updateTable('challenges')
      .set({ deadline: PAST })
      .where('slug', '=', slug)
      .execute();
    const team = await api('GET', `${url}/entries`, fx.tokens.outsider);
    expect(team.json<EntryListBody>().results.map((e) => e.id)).toEqual([id]);
    expect((await api('GET', `${url}/entries`)).json<EntryListBody>().total).toBe(0);
    // Nothing moves any more.
    const codes = [
      await api('POST', `${url}/entries`, fx.tokens.member, entry),
      await api('PATCH', url, c.mayorsEditor, { title: 'Back' }),
      await api('POST', `${url}/winners`, c.mayorsEditor, { winners: [id] }),
      await api('POST', `${url}/cancel`, c.mayorsEditor, { reason: 'Again' }),
    ].map((r) => r.json<Failed>().error.code);
    expect(codes).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
  });
});
