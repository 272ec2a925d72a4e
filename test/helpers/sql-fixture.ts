import { expect } from 'vitest';
import type { TestApp } from './app.js';
import { bearer, seedFixture, type Fixture } from './fixture.js';
import { multipartBody } from './multipart.js';

// Tables for the SQL endpoint's tests, on the shared fixture's datasets: public ones (two, to
// join, one with two versions), a private one, a draft one.

export const ROUTES_V1 =
  'route,month,on_time,trips\n1,2024-01-01,90,100\n1,2024-02-01,80,100\n2,2024-01-01,45,50\n2,2024-02-01,40,50\n';
export const ROUTES_V2 =
  'route,month,on_time,trips\n1,2024-01-01,91,100\n1,2024-02-01,81,100\n2,2024-01-01,46,50\n2,2024-02-01,41,50\n3,2024-02-01,10,20\n';
export const STOPS =
  'route,stop,borough\n1,Bradshawgate,Bolton\n2,Wigan Bus Station,Wigan\n3,Market Street,Bolton\n';
export const ROTA = 'name,shift\nAlice,early\nBob,late\n';
export const COUNTS = 'counter,cycles\nA,10\nB,20\n';

export interface SqlFixture extends Fixture {
  ids: { routes: string; stops: string; rota: string; counts: string };
}

async function upload(t: TestApp, token: string, slug: string, name: string, csv: string) {
  const { body, contentType } = multipartBody(
    { name },
    { field: 'file', filename: `${name}.csv`, content: csv },
  );
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/datasets/${slug}/resources?wait=true`,
    headers: { ...bearer(token), 'content-type': contentType },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

export async function seedSqlFixture(t: TestApp): Promise<SqlFixture> {
  const fx = await seedFixture(t.ctx);
  const routes = await upload(t, fx.tokens.editor, 'bus-punctuality', 'Routes', ROUTES_V1);
  const { body, contentType } = multipartBody(
    {},
    { field: 'file', filename: 'routes.csv', content: ROUTES_V2 },
  );
  const replaced = await t.app.inject({
    method: 'POST',
    url: `/api/v1/resources/${routes}/data?wait=true`,
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
  expect(replaced.statusCode, replaced.body).toBe(201);
  return {
    ...fx,
    ids: {
      routes,
      stops: await upload(t, fx.tokens.otherEditor, 'air-quality', 'Bus stops', STOPS),
      rota: await upload(t, fx.tokens.editor, 'staff-rota', 'Rota', ROTA),
      counts: await upload(t, fx.tokens.editor, 'draft-cycle-counts', 'Counts', COUNTS),
    },
  };
}

/** GET /api/v1/sql with `q`, as `token`'s holder or anonymously. */
export const sqlGet = (t: TestApp, sql: string, token?: string, extra = '') =>
  t.app.inject({
    url: `/api/v1/sql?q=${encodeURIComponent(sql)}${extra}`,
    headers: token ? bearer(token) : {},
  });
