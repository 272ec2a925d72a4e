import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { EVERYONE, type Who } from '../helpers/authorisation-matrix.js';
import { FUTURE, PAST } from '../helpers/challenge-fixture.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

// Who may do what with challenges, every caller against every action, on Bolton's challenges:
// its editors (and site admins) set and judge them, its members see drafts and entries before
// the deadline, anyone signed in enters, read-only tokens and the signed-out never write.

let t: TestApp;
let fx: Fixture;
beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
}, 60_000);
afterAll(() => t.close());

function call(
  who: Who,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return t.app.inject({
    method,
    url,
    headers: who === 'anonymous' ? {} : bearer(fx.tokens[who]),
    ...(payload ? { payload } : {}),
  });
}

async function matrix(run: (who: Who) => Promise<number>): Promise<Record<Who, number>> {
  const out = {} as Record<Who, number>;
  for (const who of EVERYONE) out[who] = await run(who);
  return out;
}

/** `allowed` get `ok`, bad tokens and the signed-out 401, the rest `otherwise`. */
function expected(allowed: Who[], ok: number, otherwise = 403, hidden: Who[] = []) {
  return Object.fromEntries(
    EVERYONE.map((w) => [
      w,
      allowed.includes(w)
        ? ok
        : w === 'expired' || w === 'revoked'
          ? 401
          : hidden.includes(w)
            ? 404
            : w === 'anonymous'
              ? 401
              : otherwise,
    ]),
  );
}

const challenge = (over: object = {}) => ({
  organisation: 'bolton',
  title: 'Quicker buses',
  problem: 'Buses are late.',
  criteria: 'Minutes saved.',
  deadline: FUTURE,
  datasets: ['bus-punctuality'],
  ...over,
});

async function make(slug: string, state: 'draft' | 'published') {
  const res = await call('editor', 'POST', '/api/v1/challenges', challenge({ slug, state }));
  expect(res.statusCode, res.body).toBe(201);
  return `/api/v1/challenges/${slug}`;
}

const WRITERS: Who[] = ['editor', 'admin'];
const MEMBERS: Who[] = ['member', 'editor', 'admin', 'readOnlyEditor'];
const OUTSIDERS: Who[] = ['anonymous', 'outsider', 'otherEditor'];

describe('authorisation of challenges', () => {
  it("POST /challenges: the organisation's editors and site admins", async () => {
    const got = await matrix(
      async (who) => (await call(who, 'POST', '/api/v1/challenges', challenge())).statusCode,
    );
    expect(got).toEqual(expected(WRITERS, 201));
  });

  it('a draft: seen by the organisation only, edited by its editors; 404 to the rest', async () => {
    const url = await make('draft-one', 'draft');
    const read = await matrix(async (who) => (await call(who, 'GET', url)).statusCode);
    expect(read).toEqual(expected(MEMBERS, 200, 404, OUTSIDERS));
    const entries = await matrix(
      async (who) => (await call(who, 'GET', `${url}/entries`)).statusCode,
    );
    expect(entries).toEqual(expected(MEMBERS, 200, 404, OUTSIDERS));
    const edit = await matrix(
      async (who) => (await call(who, 'PATCH', url, { title: `By ${who}` })).statusCode,
    );
    expect(edit).toEqual(expected(WRITERS, 200, 403, OUTSIDERS));
  });

  it('PATCH a published challenge: a council editor of another body cannot', async () => {
    const url = await make('published-one', 'published');
    const edit = await matrix(
      async (who) => (await call(who, 'PATCH', url, { prize: `From ${who}` })).statusCode,
    );
    expect(edit).toEqual(expected(WRITERS, 200));
  });

  it('POST entries: anyone signed in with a token that writes; never anonymous', async () => {
    const url = await make('open-one', 'published');
    const entry = { title: 'Bus app', description: 'Live times.', url: 'https://example.org/a' };
    const got = await matrix(
      async (who) => (await call(who, 'POST', `${url}/entries`, entry)).statusCode,
    );
    expect(got).toEqual(expected(['outsider', 'member', 'editor', 'otherEditor', 'admin'], 201));
  });

  it('GET /challenge-invitations: anyone signed in with a token that writes', async () => {
    const got = await matrix(
      async (who) => (await call(who, 'GET', '/api/v1/challenge-invitations')).statusCode,
    );
    expect(got).toEqual(expected(['outsider', 'member', 'editor', 'otherEditor', 'admin'], 200));
  });

  it('entries before the deadline: the team and the organisation; after it, everyone', async () => {
    const url = await make('private-entries', 'published');
    const entry = { title: 'Mine', description: 'Mine.', url: 'https://example.org/m' };
    expect((await call('outsider', 'POST', `${url}/entries`, entry)).statusCode).toBe(201);
    const count = async (who: Who) => {
      const res = await call(who, 'GET', `${url}/entries`);
      return res.statusCode === 200 ? res.json<{ total: number }>().total : res.statusCode;
    };
    const before = await matrix(count);
    expect(before).toEqual(
      Object.fromEntries(
        EVERYONE.map((w) => [
          w,
          w === 'expired' || w === 'revoked' ? 401 : [...MEMBERS, 'outsider'].includes(w) ? 1 : 0,
        ]),
      ),
    );
    expect((await call('editor', 'PATCH', url, { deadline: PAST })).statusCode).toBe(200);
    const after = await matrix(count);
    expect(after).toEqual(
      Object.fromEntries(EVERYONE.map((w) => [w, w === 'expired' || w === 'revoked' ? 401 : 1])),
    );
  });

  it("POST winners and PUT outcome: the organisation's editors and site admins", async () => {
    const url = await make('to-judge', 'published');
    const entry = { title: 'E', description: 'E.', url: 'https://example.org/e' };
    const made = await call('outsider', 'POST', `${url}/entries`, entry);
    const id = made.json<{ id: string }>().id;
    expect((await call('editor', 'PATCH', url, { deadline: PAST })).statusCode).toBe(200);
    const winners = await matrix(
      async (who) => (await call(who, 'POST', `${url}/winners`, { winners: [id] })).statusCode,
    );
    expect(winners).toEqual(expected(WRITERS, 200));
    const outcome = await matrix(
      async (who) =>
        (
          await t.app.inject({
            method: 'PUT',
            url: `${url}/outcome`,
            headers: who === 'anonymous' ? {} : bearer(fx.tokens[who]),
            payload: { outcome: `Decided by ${who}` },
          })
        ).statusCode,
    );
    expect(outcome).toEqual(expected(WRITERS, 200));
  });

  let n = 0;
  /** A fresh published challenge for each caller, with an entry by `outsider` if asked. */
  async function each(
    withEntry: boolean,
    run: (who: Who, url: string, entry: string) => Promise<number>,
  ) {
    return matrix(async (who) => {
      n++;
      const url = await make(`case-${n}`, 'published');
      let id = '';
      if (withEntry) {
        const entry = { title: 'E', description: 'E.', url: 'https://example.org/e' };
        id = (await call('outsider', 'POST', `${url}/entries`, entry)).json<{ id: string }>().id;
      }
      return run(who, url, id);
    });
  }

  it('PATCH and withdraw an entry: its lead; the judges 403; to the rest it does not exist', async () => {
    const hidden: Who[] = ['anonymous', 'otherEditor'];
    const edit = await each(
      true,
      async (who, url, id) =>
        (await call(who, 'PATCH', `${url}/entries/${id}`, { title: `By ${who}` })).statusCode,
    );
    expect(edit).toEqual(expected(['outsider'], 200, 403, hidden));
    const withdraw = await each(
      true,
      async (who, url, id) => (await call(who, 'POST', `${url}/entries/${id}/withdraw`)).statusCode,
    );
    expect(withdraw).toEqual(expected(['outsider'], 200, 403, hidden));
  });

  it("DELETE a challenge nobody entered, and cancel one with entries: the organisation's editors", async () => {
    const del = await each(false, async (who, url) => (await call(who, 'DELETE', url)).statusCode);
    expect(del).toEqual(expected(WRITERS, 204));
    const cancel = await each(
      true,
      async (who, url) =>
        (await call(who, 'POST', `${url}/cancel`, { reason: `By ${who}` })).statusCode,
    );
    expect(cancel).toEqual(expected(WRITERS, 200));
  });
});
