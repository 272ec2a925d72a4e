import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/features/promises/index.js';
import type { TestApp } from '../helpers/app.js';
import type { Fixture } from '../helpers/fixture.js';
import {
  fibre,
  firstChange,
  portal,
  promiseTest,
  slugs,
  termStart,
  today,
  type ListBody,
  type PromiseBody,
  type PromiseTest,
} from '../helpers/promise-fixture.js';

// The promise tracker's API: who may write, what is checked, what is audited, how lists filter.
// The page tests (promises-pages.test.ts) start from the state these tests leave.

let p: PromiseTest;
let t: TestApp;
let fx: Fixture;
let mayorsEditor: string;
beforeAll(async () => {
  p = await promiseTest();
  ({ t, fx, mayorsEditor } = p);
});
afterAll(() => t.close());

const api: PromiseTest['api'] = (...args) => p.api(...args);
interface ErrorBody {
  error: { code: string; details: unknown };
}

describe('promises through the API', () => {
  it("lets only the mayor's office and site admins create promises", async () => {
    expect((await api('POST', '/api/v1/promises', undefined, fibre)).statusCode).toBe(401);
    expect((await api('POST', '/api/v1/promises', fx.tokens.editor, fibre)).statusCode).toBe(403);
    const readOnly = await api('POST', '/api/v1/promises', fx.tokens.readOnlyEditor, fibre);
    expect(readOnly.statusCode).toBe(403);

    const res = await api('POST', '/api/v1/promises', mayorsEditor, fibre);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<PromiseBody>();
    expect(body).toMatchObject({
      slug: 'full-fibre-schools',
      status: 'not-yet-rated',
      status_label: 'Not yet rated',
      owner: { slug: 'gmca' },
      theme: { slug: 'broadband', title: 'Broadband and connectivity' },
      history: [],
    });
    // "Within 365 days of taking office" falls due 365 days after the first day.
    expect(body.deadline).toEqual({
      kind: 'days',
      date: null,
      days: 365,
      due: addDays(termStart, 365),
      overdue: false,
    });
    expect(res.headers.location).toBe('http://metrodata.test/api/v1/promises/full-fibre-schools');

    const byAdmin = await api('POST', '/api/v1/promises', fx.tokens.admin, portal);
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json<PromiseBody>().deadline.overdue).toBe(true);
  });

  it('refuses unknown themes and owners, and links that are not web addresses', async () => {
    const bad = await api('POST', '/api/v1/promises', mayorsEditor, {
      ...fibre,
      slug: 'bad-one',
      theme: 'no-such-theme',
      owner: 'nobody',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<ErrorBody>().error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'theme' }),
        expect.objectContaining({ field: 'owner' }),
      ]),
    );
    const script = await api('POST', '/api/v1/promises', mayorsEditor, {
      ...fibre,
      slug: 'bad-two',
      source: { kind: 'speech', url: 'javascript:alert(1)', date: null },
    });
    expect(script.statusCode).toBe(400);
  });

  it('changes a promise with PATCH, audited', async () => {
    expect(
      (
        await api('PATCH', '/api/v1/promises/full-fibre-schools', fx.tokens.otherEditor, {
          title: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const res = await api('PATCH', '/api/v1/promises/full-fibre-schools', mayorsEditor, {
      made_by: 'The Mayor of Greater Manchester',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PromiseBody>().made_by).toBe('The Mayor of Greater Manchester');
    const audit = await t.ctx.db.kysely
      .selectFrom('activities')
      .selectAll()
      .where('action', '=', 'promise.updated')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.diff ?? '{}')).toEqual({
      made_by: { from: 'The Mayor', to: 'The Mayor of Greater Manchester' },
    });
  });

  it('records status changes only from editors, audited with who and when', async () => {
    const change = firstChange;
    const url = '/api/v1/promises/full-fibre-schools/status';
    expect((await api('POST', url, undefined, change)).statusCode).toBe(401);
    expect((await api('POST', url, fx.tokens.editor, change)).statusCode).toBe(403);
    expect((await api('POST', url, fx.tokens.member, change)).statusCode).toBe(403);

    const before = new Date().toISOString();
    const res = await api('POST', url, mayorsEditor, change);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'in-the-works',
      status_date: change.date,
      history: [
        {
          date: change.date,
          from: 'not-yet-rated',
          to: 'in-the-works',
          rationale: change.rationale,
          evidence: change.evidence,
          by: { name: 'Chief Digital Officer' },
        },
      ],
    });
    const audit = await t.ctx.db.kysely
      .selectFrom('activities as a')
      .innerJoin('users as u', 'u.id', 'a.actor_id')
      .select(['a.action', 'a.created_at', 'a.diff', 'u.email'])
      .where('a.action', '=', 'promise.status-changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.email).toBe('cdo@gmca.example');
    expect((audit[0]?.created_at ?? '') >= before).toBe(true);
    expect((JSON.parse(audit[0]?.diff ?? '{}') as { status: unknown }).status).toEqual({
      from: 'not-yet-rated',
      to: 'in-the-works',
    });
  });

  it('refuses a change to the same status, a future date, or one before the last change', async () => {
    const url = '/api/v1/promises/full-fibre-schools/status';
    const same = await api('POST', url, mayorsEditor, { status: 'in-the-works', rationale: 'x' });
    expect(same.statusCode).toBe(422);
    const future = await api('POST', url, mayorsEditor, {
      status: 'stalled',
      rationale: 'x',
      date: addDays(today, 1),
    });
    expect(future.statusCode).toBe(422);
    const early = await api('POST', url, mayorsEditor, {
      status: 'stalled',
      rationale: 'x',
      date: addDays(today, -31),
    });
    expect(early.statusCode).toBe(422);
    const bogus = await api('POST', url, mayorsEditor, { status: 'done', rationale: 'x' });
    expect(bogus.statusCode).toBe(400);
  });

  it('lists promises with the term day and counts, filtered by status and theme', async () => {
    const res = await api('GET', '/api/v1/promises');
    expect(res.statusCode).toBe(200);
    const body = res.json<ListBody>();
    expect(body.term).toEqual({ start: termStart, day: 100 });
    expect(body.total).toBe(2);
    expect(body.counts).toEqual({ 'in-the-works': 1, 'not-yet-rated': 1 });
    const byStatus = (await api('GET', '/api/v1/promises?status=in-the-works')).json<ListBody>();
    expect(slugs(byStatus)).toEqual(['full-fibre-schools']);
    const byTheme = (
      await api('GET', '/api/v1/promises?theme=digital-inclusion&theme=housing')
    ).json<ListBody>();
    expect(slugs(byTheme)).toEqual(['open-data-portal']);
    // The total is of those matching; the counts of every promise, whatever the filter.
    expect(byTheme.total).toBe(1);
    expect(byTheme.counts).toEqual({ 'in-the-works': 1, 'not-yet-rated': 1 });
    expect((await api('GET', '/api/v1/promises/nope')).statusCode).toBe(404);
  });
});
