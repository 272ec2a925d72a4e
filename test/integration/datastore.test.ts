import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';

let t: TestApp;
let fx: Fixture;
let resourceId: string;

const BOROUGHS = ['Bolton', 'Bury', 'Wigan'];
const CATEGORIES = ['Pothole', 'Fly-tipping'];

/** 300 rows whose aggregates the tests can compute independently. */
function requestsCsv(): string {
  const lines = ['id,reported_on,borough,category,cost,lat,lon,note'];
  for (let i = 1; i <= 300; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 4) + 1).padStart(2, '0');
    lines.push(
      `${i},${day}/${month}/2024,${BOROUGHS[i % 3] ?? ''},${CATEGORIES[i % 2] ?? ''},"£${(i * 1.5).toFixed(2)}",${(53.4 + (i % 10) / 100).toFixed(2)},${(-2.5 + (i % 7) / 100).toFixed(2)},${i % 50 === 0 ? '' : `note ${i}`}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function upload(url: string, name: string, content: string, token = fx.tokens.editor) {
  const { body, contentType } = multipartBody({}, { field: 'file', filename: name, content });
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...bearer(token), 'content-type': contentType },
    payload: body,
  });
}

const query = async (body: object, headers = {}) => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/resources/${resourceId}/query`,
    payload: body,
    headers,
  });
  return res;
};

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  const res = await upload(
    '/api/v1/datasets/fly-tipping-reports/resources?wait=true',
    'requests.csv',
    requestsCsv(),
  );
  expect(res.statusCode, res.body).toBe(201);
  const created = res.json<{ id: string; datastore: { load: { status: string } } }>();
  expect(created.datastore.load.status).toBe('succeeded');
  resourceId = created.id;
});
afterAll(() => t.close());

describe('loading a CSV', () => {
  it('infers types over whole columns, including UK dates and pounds, and reports them', async () => {
    const res = await t.app.inject(`/api/v1/resources/${resourceId}`);
    const body = res.json<{
      datastore: {
        version: number;
        rows: number;
        fields: {
          name: string;
          type: string;
          format?: string;
          stats: { nulls: number; min: unknown; max: unknown };
        }[];
        latest_load: { report: { rows: number; warnings: unknown[] } };
        geometry: unknown;
      };
    }>();
    expect(body.datastore.version).toBe(1);
    expect(body.datastore.rows).toBe(300);
    const types = Object.fromEntries(
      body.datastore.fields.map((f) => [f.name, [f.type, f.format ?? null]]),
    );
    expect(types).toEqual({
      id: ['integer', null],
      reported_on: ['date', 'uk-date'],
      borough: ['text', null],
      category: ['text', null],
      cost: ['decimal', 'currency-gbp'],
      lat: ['decimal', null],
      lon: ['decimal', null],
      note: ['text', null],
    });
    const cost = body.datastore.fields.find((f) => f.name === 'cost');
    expect(cost?.stats).toMatchObject({ nulls: 0, min: 1.5, max: 450 });
    expect(body.datastore.fields.find((f) => f.name === 'note')?.stats.nulls).toBe(6);
    expect(body.datastore.geometry).toEqual({ kind: 'latlon', lat: 'lat', lon: 'lon' });
    expect(body.datastore.latest_load.report.rows).toBe(300);
  });
});

describe('querying', () => {
  it('filters, sorts and counts exactly', async () => {
    const res = await query({
      filters: [
        { field: 'borough', op: 'eq', value: 'Wigan' },
        { field: 'cost', op: 'gte', value: 300 },
      ],
      sort: [{ field: 'cost', dir: 'desc' }],
      fields: ['id', 'cost', 'reported_on'],
      limit: 3,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      total: number;
      records: { id: number; cost: number }[];
      fields: { name: string }[];
    }>();
    // Wigan is i % 3 == 2; cost = 1.5 i >= 300 means i >= 200: i in 200..300 with i % 3 == 2.
    const expected = Array.from({ length: 300 }, (_, k) => k + 1).filter(
      (i) => i % 3 === 2 && i * 1.5 >= 300,
    );
    expect(body.total).toBe(expected.length);
    expect(body.records.map((r) => r.id)).toEqual(expected.reverse().slice(0, 3));
    expect(body.fields.map((f) => f.name)).toEqual(['_id', 'id', 'cost', 'reported_on']);
  });

  it('pages by cursor through every row exactly once', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await query({
        sort: [{ field: 'borough' }, { field: 'cost', dir: 'desc' }],
        limit: 70,
        ...(cursor ? { cursor } : {}),
      });
      const body = res.json<{ records: { id: number }[]; next_cursor: string | null }>();
      seen.push(...body.records.map((r) => r.id));
      if (!body.next_cursor) break;
      cursor = body.next_cursor;
    }
    expect(seen.length).toBe(300);
    expect(new Set(seen).size).toBe(300);
  });

  it('pages in the default order by cursor and by offset, to a short last page', async () => {
    interface Page {
      records: { _id: number; id: number }[];
      next_cursor: string | null;
    }
    const seen: number[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    for (let page = 0; page < 10; page++) {
      const body = (await query({ limit: 70, ...(cursor ? { cursor } : {}) })).json<Page>();
      sizes.push(body.records.length);
      seen.push(...body.records.map((r) => r.id));
      if (!body.next_cursor) break;
      cursor = body.next_cursor;
    }
    expect(sizes).toEqual([70, 70, 70, 70, 20]);
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const tail = (await query({ limit: 70, offset: 280 })).json<Page & { total: number }>();
    expect(tail.records.map((r) => r._id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 281));
    expect(tail.total).toBe(300);
    const past = (await query({ limit: 70, offset: 300 })).json<Page & { total: number }>();
    expect([past.records.length, past.total]).toEqual([0, 300]);
  });

  it('counts every group for total, on a full page and past the end', async () => {
    const groups = async (limit: number, offset: number) =>
      (await query({ group_by: ['borough'], limit, offset })).json<{
        total: number;
        records: { borough: string; count: number }[];
      }>();
    const full = await groups(2, 0);
    expect(full.records.map((r) => r.borough)).toEqual(['Bolton', 'Bury']);
    expect(full.records[0]).toEqual({ borough: 'Bolton', count: 100 });
    expect(full.total).toBe(3);
    expect((await groups(2, 2)).total).toBe(3);
    expect(await groups(2, 5)).toMatchObject({ records: [], total: 3 });
    const filtered = await query({
      filters: [{ field: 'borough', op: 'eq', value: 'Nowhere' }],
      group_by: ['borough'],
    });
    expect(filtered.json()).toMatchObject({ records: [], total: 0 });
  });

  it('aggregates by group and time bucket, with the same totals computed here', async () => {
    const res = await query({
      group_by: ['borough', { field: 'reported_on', bucket: 'month' }],
      aggregates: [
        { fn: 'count', as: 'n' },
        { fn: 'sum', field: 'cost', as: 'total' },
      ],
      sort: [{ field: 'total', dir: 'desc' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      total: number;
      records: { borough: string; reported_on_month: string; n: number; total: number }[];
    }>();
    expect(body.total).toBe(12);
    const sums = new Map<string, number>();
    for (let i = 1; i <= 300; i++) {
      const key = `${BOROUGHS[i % 3] ?? ''} 2024-0${(i % 4) + 1}-01`;
      sums.set(key, (sums.get(key) ?? 0) + i * 1.5);
    }
    for (const r of body.records) {
      expect(r.total).toBeCloseTo(sums.get(`${r.borough} ${r.reported_on_month}`) ?? -1, 6);
    }
    const totals = body.records.map((r) => r.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('answers the same query given as URL parameters', async () => {
    const res = await t.app.inject(
      `/api/v1/resources/${resourceId}/query?filter=category:eq:Pothole&filter=borough:in:Bolton|Bury&group_by=borough&aggregate=count::n&sort=borough`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ records: unknown[] }>().records).toEqual([
      { borough: 'Bolton', n: 50 },
      { borough: 'Bury', n: 50 },
    ]);
  });

  it('finds rows in a bounding box and returns them as GeoJSON', async () => {
    const res = await t.app.inject(
      `/api/v1/resources/${resourceId}/query?filter=:within_bbox:-2.5,53.4,-2.48,53.41&format=geojson&limit=1000`,
    );
    const fc = res.json<{ type: string; features: { geometry: { coordinates: number[] } }[] }>();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    for (const f of fc.features) {
      expect(f.geometry.coordinates[0]).toBeGreaterThanOrEqual(-2.5);
      expect(f.geometry.coordinates[0]).toBeLessThanOrEqual(-2.48);
    }
  });

  it.each([
    [{ filters: [{ field: 'colour', op: 'eq', value: 'red' }] }, 'no field "colour"'],
    [{ filters: [{ field: 'cost', op: 'gt', value: 'lots' }] }, '"lots" is not a number'],
    [{ filters: [{ field: 'reported_on', op: 'gt', value: '31/01/2024' }] }, 'is not a date'],
    [{ filters: [{ field: 'cost', op: 'like', value: 1 }] }, 'op'],
    [{ limit: 1_000_000 }, 'limit'],
    [{ sort: [{ field: 'nope' }] }, 'no field "nope"'],
    [{ aggregates: [{ fn: 'sum', field: 'borough' }] }, 'sum needs a number'],
    [{ cursor: 'garbage' }, 'cursor'],
  ])('refuses %j with a 400 naming the problem', async (body, message) => {
    const res = await query(body);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toContain(message);
  });

  it('treats field values as values, never as SQL', async () => {
    const res = await query({
      filters: [{ field: 'borough', op: 'eq', value: "Bolton' OR '1'='1" }],
    });
    expect(res.json<{ total: number }>().total).toBe(0);
  });
});

describe('versions', () => {
  it('replaces the data as version 2 and keeps version 1 queryable', async () => {
    const res = await upload(
      `/api/v1/resources/${resourceId}/data?wait=true`,
      'requests-v2.csv',
      'id,borough\n1,Oldham\n2,Rochdale\n',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ load: { status: string; version: number } }>().load).toMatchObject({
      status: 'succeeded',
      version: 2,
    });
    expect((await query({})).json<{ total: number; version: number }>()).toMatchObject({
      total: 2,
      version: 2,
    });
    expect((await query({ version: 1 })).json<{ total: number }>().total).toBe(300);
    const info = (await t.app.inject(`/api/v1/resources/${resourceId}`)).json<{
      datastore: { versions: { version: number }[] };
    }>();
    expect(info.datastore.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('lets a publisher choose a field type and load again', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/resources/${resourceId}/loads?wait=true`,
      headers: bearer(fx.tokens.editor),
      payload: { types: { id: 'text' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ status: string; version: number }>()).toMatchObject({
      status: 'succeeded',
      version: 3,
    });
    const info = (await t.app.inject(`/api/v1/resources/${resourceId}`)).json<{
      datastore: { fields: { name: string; type: string }[] };
    }>();
    expect(info.datastore.fields.find((f) => f.name === 'id')?.type).toBe('text');
  });

  it('keeps the current version serving when a new file fails to load', async () => {
    const res = await upload(
      `/api/v1/resources/${resourceId}/data?wait=true`,
      'broken.csv',
      'id,borough\n',
    );
    expect(res.json<{ load: { status: string; error: string } }>().load).toMatchObject({
      status: 'failed',
      error: 'The file has a header but no rows of data',
    });
    expect((await query({})).json<{ total: number; version: number }>()).toMatchObject({
      total: 2,
      version: 3,
    });
  });

  it('refuses loads and queries to those who may not', async () => {
    const reload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/resources/${resourceId}/loads`,
      headers: bearer(fx.tokens.otherEditor),
      payload: {},
    });
    expect(reload.statusCode).toBe(403);
  });
});
