import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from './app.js';
import { seedFixture, type Fixture } from './fixture.js';

// What the CKAN Action API write tests share (ckan-create, ckan-write): an app over the fixture,
// POSTs to /api/3/action, and the activity log's size.

export interface Envelope<T = Record<string, unknown>> {
  success: boolean;
  result: T;
  error: Record<string, unknown>;
}

export interface CkanWriter {
  t: TestApp;
  fx: Fixture;
  post: (
    name: string,
    payload: object,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  /** The editor's token header. */
  editor: () => { authorization: string };
  /** Calls an action that must succeed (as the editor unless told), and answers its result. */
  ok: <T = Record<string, unknown>>(
    name: string,
    payload: object,
    headers?: Record<string, string>,
  ) => Promise<T>;
  activityCount: () => Promise<number>;
}

/** For a test file: the app, set up before its tests and closed after them. */
export function ckanWriter(): CkanWriter {
  const c = {} as CkanWriter;
  beforeAll(async () => {
    c.t = await createTestApp();
    c.fx = await seedFixture(c.t.ctx);
  });
  afterAll(() => c.t.close());
  c.post = (name, payload, headers = {}) =>
    c.t.app.inject({ method: 'POST', url: `/api/3/action/${name}`, payload, headers });
  c.editor = () => ({ authorization: c.fx.tokens.editor });
  c.ok = async <T = Record<string, unknown>>(
    name: string,
    payload: object,
    headers: Record<string, string> = { authorization: c.fx.tokens.editor },
  ): Promise<T> => {
    const res = await c.post(name, payload, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Envelope<T>>().result;
  };
  c.activityCount = async () =>
    Number(
      (
        await c.t.ctx.db.kysely
          .selectFrom('activities')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return c;
}
