import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedSqlFixture, type SqlFixture } from '../helpers/sql-fixture.js';

// The CKAN datastore actions over the datastore's query service and the SQL endpoint: what a
// CKAN client reads back, in CKAN's shapes, and nothing the caller may not read. Then the real
// `ckan` npm client, over HTTP, publishing a dataset and a file and reading its rows back.

let t: TestApp;
let fx: SqlFixture;

beforeAll(async () => {
  t = await createTestApp({ sqlMaxRows: 3, sqlTimeoutMs: 1500 });
  fx = await seedSqlFixture(t);
});
afterAll(() => t.close());

interface Envelope<T = Record<string, unknown>> {
  success: boolean;
  result: T;
  error: Record<string, unknown>;
}
interface Search {
  fields: { id: string; type: string }[];
  records: unknown;
  total?: number;
  total_was_estimated?: boolean;
  limit: number;
  offset?: number;
  _links: { start: string; next: string };
}

const post = (name: string, payload: object, token?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/3/action/${name}`,
    payload,
    headers: token ? { authorization: token } : {},
  });
async function search(payload: object, token?: string): Promise<Search> {
  const res = await post('datastore_search', payload, token);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Envelope<Search>>().result;
}

describe('datastore_search', () => {
  it('answers rows with CKAN type names, the total and links to the next page', async () => {
    const r = await search({ resource_id: fx.ids.routes, limit: 2 });
    expect(r.fields).toEqual([
      { id: '_id', type: 'int' },
      { id: 'route', type: 'int' },
      { id: 'month', type: 'date' },
      { id: 'on_time', type: 'int' },
      { id: 'trips', type: 'int' },
    ]);
    expect(r.records).toEqual([
      { _id: 1, route: 1, month: '2024-01-01', on_time: 91, trips: 100 },
      { _id: 2, route: 1, month: '2024-02-01', on_time: 81, trips: 100 },
    ]);
    expect(r).toMatchObject({ total: 5, total_was_estimated: false, limit: 2 });
    expect(r).not.toHaveProperty('offset');
    expect(r._links).toEqual({
      start: '/api/3/action/datastore_search',
      next: '/api/3/action/datastore_search?offset=2',
    });
  });

  it('takes GET parameters as CKAN clients send them: filters as JSON, sort, fields, offset', async () => {
    const query = new URLSearchParams({
      resource_id: fx.ids.routes,
      filters: JSON.stringify({ route: [1, 2], month: '2024-02-01' }),
      sort: 'on_time desc nulls last',
      fields: 'route,on_time',
      offset: '0',
      limit: '1',
    });
    const res = await t.app.inject(`/api/3/action/datastore_search?${query.toString()}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<Envelope<Search>>().result;
    expect(r.records).toEqual([{ route: 1, on_time: 81 }]);
    expect(r.fields.map((f) => f.id)).toEqual(['route', 'on_time']);
    expect(r).toMatchObject({ total: 2, offset: 0 });
    const next = new URL(r._links.next, 'http://x');
    expect(next.pathname).toBe('/api/3/action/datastore_search');
    expect(next.searchParams.get('offset')).toBe('1');
    expect(next.searchParams.get('sort')).toBe('on_time desc nulls last');
  });

  it('searches text over the row or per field, gives distinct values and other record formats', async () => {
    const text = await search({ resource_id: fx.ids.stops, q: 'wigan' });
    expect(text.total).toBe(1);
    const perField = await search({ resource_id: fx.ids.stops, q: { borough: 'bolton' } });
    expect(perField.total).toBe(2);
    const distinct = await search({
      resource_id: fx.ids.stops,
      fields: ['borough'],
      distinct: true,
      sort: 'borough',
    });
    expect(distinct.records).toEqual([{ borough: 'Bolton' }, { borough: 'Wigan' }]);
    const lists = await search({
      resource_id: fx.ids.stops,
      fields: 'stop,borough',
      records_format: 'lists',
      limit: 1,
    });
    expect(lists.records).toEqual([['Bradshawgate', 'Bolton']]);
    const csv = await search({
      resource_id: fx.ids.stops,
      fields: ['stop', 'route'],
      records_format: 'csv',
    });
    expect(csv.records).toBe('Bradshawgate,1\nWigan Bus Station,2\nMarket Street,3\n');
    const tsv = await search({
      resource_id: fx.ids.stops,
      fields: ['stop', 'borough'],
      records_format: 'tsv',
      limit: 2,
    });
    expect(tsv.records).toBe('Bradshawgate\tBolton\nWigan Bus Station\tWigan\n');
    const noTotal = await search({ resource_id: fx.ids.stops, include_total: false });
    expect(noTotal).not.toHaveProperty('total');
  });

  it('caps a page at 32,000 rows as CKAN does, and refuses bad parameters with 409', async () => {
    const big = await search({ resource_id: fx.ids.routes, limit: 50_000 });
    expect(big.limit).toBe(32_000);
    const bad: [object, string][] = [
      [{ resource_id: fx.ids.routes, filters: { nowhere: 1 } }, 'filters'],
      [{ resource_id: fx.ids.routes, sort: 'nowhere desc' }, 'sort'],
      [{ resource_id: fx.ids.routes, fields: ['nowhere'] }, 'fields'],
      [{ resource_id: fx.ids.routes, filters: { route: 'one' } }, 'filters'],
      [{ resource_id: fx.ids.routes, limit: -1 }, 'limit'],
      [{ resource_id: fx.ids.routes, records_format: 'xml' }, 'records_format'],
      [{}, 'resource_id'],
    ];
    for (const [payload, field] of bad) {
      const res = await post('datastore_search', payload);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json<Envelope>().error, JSON.stringify(payload)).toMatchObject({
        __type: 'Validation Error',
      });
      expect(res.json<Envelope>().error).toHaveProperty(field);
    }
  });

  it('answers 404 for a private resource to those who may not read it, and its rows to those who may', async () => {
    for (const id of [fx.ids.rota, fx.ids.counts]) {
      for (const token of [undefined, fx.tokens.outsider, fx.tokens.otherEditor]) {
        const res = await post('datastore_search', { resource_id: id }, token);
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ error: { __type: 'Not Found Error' } });
        expect(res.body).not.toMatch(/Alice|early|cycles/);
      }
      expect((await search({ resource_id: id }, fx.tokens.member)).total).toBe(2);
    }
  });
});

describe('datastore_info', () => {
  it('gives the fields with their types and the row count', async () => {
    const res = await post('datastore_info', { id: fx.ids.routes });
    expect(res.statusCode, res.body).toBe(200);
    const info =
      res.json<
        Envelope<{ meta: Record<string, unknown>; fields: { id: string; type: string }[] }>
      >().result;
    expect(info.meta).toMatchObject({ id: fx.ids.routes, count: 5, table_type: 'BASE TABLE' });
    expect(info.fields.map((f) => [f.id, f.type])).toEqual([
      ['route', 'int'],
      ['month', 'date'],
      ['on_time', 'int'],
      ['trips', 'int'],
    ]);
    const hidden = await post('datastore_info', { id: fx.ids.rota }, fx.tokens.outsider);
    expect(hidden.statusCode).toBe(404);
  });
});

describe('datastore_search_sql', () => {
  const sql = (statement: string, token?: string) =>
    post('datastore_search_sql', { sql: statement }, token);

  it('runs a SELECT on tables named by resource id, with PostgreSQL type names', async () => {
    const res = await sql(
      `SELECT route, sum(trips) AS trips FROM "${fx.ids.routes}" GROUP BY route ORDER BY route LIMIT 2`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<Envelope<{ records: unknown[]; fields: unknown[] }>>().result;
    expect(r.fields).toEqual([
      { id: 'route', type: 'int8' },
      { id: 'trips', type: 'numeric' },
    ]);
    expect(r.records).toEqual([
      { route: 1, trips: 200 },
      { route: 2, trips: 100 },
    ]);
    expect(r).not.toHaveProperty('records_truncated');
  });

  it('says records_truncated when the row limit cuts the answer', async () => {
    const res = await sql(`SELECT * FROM "${fx.ids.routes}"`);
    const r = res.json<Envelope<{ records: unknown[]; records_truncated?: boolean }>>().result;
    expect(r.records).toHaveLength(3);
    expect(r.records_truncated).toBe(true);
  });

  it('answers bad SQL with CKAN 409 query/info, and an unreadable table with 403', async () => {
    const bad = await sql('SELEC 1');
    expect(bad.statusCode).toBe(409);
    const error = bad.json<Envelope>().error as { query: string[]; info: { orig: string[] } };
    expect(error).toMatchObject({ __type: 'Validation Error' });
    expect(error.query[0]).toMatch(/syntax/i);
    expect(error.info.orig[0]).toBe(error.query[0]);
    for (const token of [undefined, fx.tokens.outsider]) {
      const res = await sql(`SELECT * FROM "${fx.ids.rota}"`, token);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { __type: 'Authorization Error' } });
      expect(res.body).not.toMatch(/Alice/);
    }
    // A table that does not exist gets the same answer: a private table is not revealed.
    const none = await sql('SELECT * FROM "00000000-0000-0000-0000-000000000000"');
    expect(none.statusCode).toBe(403);
    const mine = await sql(`SELECT name FROM "${fx.ids.rota}" ORDER BY name`, fx.tokens.editor);
    expect(mine.json<Envelope<{ records: unknown[] }>>().result.records).toEqual([
      { name: 'Alice' },
      { name: 'Bob' },
    ]);
  });

  it('stops a statement at the time limit with CKAN\'s "Query took too long"', async () => {
    const res = await sql(
      'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r',
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { query: ['Query took too long'] } });
  });

  // A sample of test/integration/sql-escape-corpus.test.ts: every one refused here too.
  const ESCAPES = [
    String.raw`SELECT * FROM "bus-punctuality/routes" WHERE month = '\'' ; SELECT * FROM "staff-rota/rota" --'`,
    `SELECT query('SELECT * FROM "staff-rota/rota"')`,
    `SELECT * FROM query_table('staff-rota/rota')`,
    'SELECT 1 -- hidden\n; DROP TABLE x',
    "SELECT 1 /* ; */ ; ATTACH 'x.db'",
    'SELECT * FROM (DROP TABLE x)',
    'SELECT 1；DROP TABLE x',
    'SЕLECT * FROM "staff-rota/rota"',
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM '/etc/passwd'",
    "SELECT ｇｅｔｅｎｖ('HOME')",
    "SELECT getenv('HOME')",
    "COPY (SELECT 1) TO '/tmp/x.csv'",
    'INSTALL httpfs',
    "SELECT * FROM read_parquet('https://example.org/x.parquet')",
    "SELECT repeat('x', 1e12) AS x",
  ];
  it.each(ESCAPES)('refuses %s', async (statement) => {
    const res = await sql(statement, fx.tokens.editor);
    expect([403, 409]).toContain(res.statusCode);
    expect(res.json()).toMatchObject({ success: false });
    expect(res.body).not.toMatch(/Alice|root:|\/home\//);
  });
});

describe('the ckan npm client, over HTTP', () => {
  interface Client {
    action: (name: string, data: object, cb: (err: unknown, body: unknown) => void) => void;
  }
  const require = createRequire(import.meta.url);
  const ckan = require('ckan') as { Client: new (url: string, key?: string) => Client };
  const call = (client: Client, name: string, data: object) =>
    new Promise<Envelope>((resolve, reject) => {
      client.action(name, data, (err, body) => {
        if (err) reject(new Error(JSON.stringify(err)));
        else resolve(body as Envelope);
      });
    });

  it('publishes a dataset with X-CKAN-API-Key, adds a file, and reads its rows back', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const client = new ckan.Client(address, fx.tokens.editor);
    const created = await call(client, 'package_create', {
      name: 'library-visits',
      title: 'Library visits',
      owner_org: 'bolton',
      tags: [{ name: 'libraries' }],
    });
    expect(created.result).toMatchObject({ name: 'library-visits', num_resources: 0 });
    // ckan.js sends JSON only: the file goes as ckanapi sends one, multipart with "upload".
    const form = new FormData();
    form.append('package_id', String(created.result.id));
    form.append('name', 'Visits');
    form.append('upload', new Blob(['library,visits\nCentral,1200\nHorwich,300\n']), 'visits.csv');
    const uploaded = await fetch(`${address}/api/3/action/resource_create`, {
      method: 'POST',
      headers: { 'X-CKAN-API-Key': fx.tokens.editor },
      body: form,
    });
    expect(uploaded.status).toBe(200);
    const resource = ((await uploaded.json()) as Envelope<{ id: string }>).result;
    expect(resource).toMatchObject({ datastore_active: true });
    const shown = await call(client, 'datastore_search', {
      resource_id: resource.id,
      filters: { library: 'Central' },
    });
    expect(shown.result).toMatchObject({
      total: 1,
      records: [{ library: 'Central', visits: 1200 }],
    });
    // The client's own Recline-style query, which maps CKAN's type names to its own.
    const queried = await new Promise<{ total: number; fields: { id: string; type: string }[] }>(
      (resolve, reject) => {
        (
          client as unknown as {
            datastoreQuery: (q: object, cb: (err: unknown, out: unknown) => void) => void;
          }
        ).datastoreQuery({ resource_id: resource.id, size: 5 }, (err, out) => {
          if (err) reject(new Error(JSON.stringify(err)));
          else resolve(out as { total: number; fields: { id: string; type: string }[] });
        });
      },
    );
    expect(queried.total).toBe(2);
    expect(queried.fields.find((f) => f.id === 'visits')?.type).toBe('integer');
    // Without the key, the client gets CKAN's 403.
    const anonymous = new ckan.Client(address);
    await expect(
      call(anonymous, 'package_create', { name: 'anon-visits', owner_org: 'bolton' }),
    ).rejects.toThrow(/HTTP code 403/);
  });
});
