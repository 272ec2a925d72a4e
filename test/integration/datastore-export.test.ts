import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlString } from '../../src/platform/engine/sql.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';

type Row = Record<string, unknown>;
interface Field {
  name: string;
  type: string;
}
interface Features {
  type: string;
  features: { properties: Row }[];
}

let t: TestApp;
let fx: Fixture;
let requests: string;
let privateId: string;
/** Quoted as RFC 4180 quotes it, which the CSV export should give back as it is. */
const ROTA = 'name,shift\n"Okafor, Asha",early\nBen,"late ""swing"""\n';

/** 240 rows of every type, simple enough to split on commas and tabs. */
function requestsCsv(): string {
  const lines = ['id,day,at,borough,cost,done,lat,lon,note'];
  for (let i = 1; i <= 240; i++) {
    const day = `2024-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}`;
    const at = `${day}T${String(i % 24).padStart(2, '0')}:15:30Z`;
    const where = `${(53.4 + (i % 10) / 100).toFixed(2)},${(-2.5 + (i % 7) / 100).toFixed(2)}`;
    const rest = `${(i * 1.25).toFixed(2)},${i % 4 === 0},${where},${i % 50 ? `note ${i}` : ''}`;
    lines.push(`${i},${day},${at},${['Bolton', 'Bury', 'Wigan'][i % 3] ?? ''},${rest}`);
  }
  return `${lines.join('\n')}\n`;
}

async function upload(dataset: string, name: string, content: string): Promise<string> {
  const { body, contentType } = multipartBody({}, { field: 'file', filename: name, content });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/datasets/${dataset}/resources?wait=true`,
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** The same value whichever format carried it: text, JSON, DuckDB or Excel. */
function norm(type: string, v: unknown): unknown {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'integer' || type === 'decimal') return Number(v);
  if (type === 'boolean') return v === true || v === 'true';
  if (v instanceof Date) return type === 'date' ? v.toISOString().slice(0, 10) : v.toISOString();
  if (type === 'timestamp' && typeof v === 'string') {
    const text = v.replace(' ', 'T');
    return new Date(text.endsWith('Z') ? text : `${text}Z`).toISOString();
  }
  return v;
}
const normRows = (fields: Field[], rows: Row[]) =>
  rows.map((r) => Object.fromEntries(fields.map((f) => [f.name, norm(f.type, r[f.name])])));

/** What GET /query answers for the same parameters, without `_id` unless asked for. */
async function viaQuery(id: string, qs: string) {
  const res = await t.app.inject(`/api/v1/resources/${id}/query?${qs}&limit=10000`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{ fields: Field[]; records: Row[] }>();
  const fields = qs.includes('_id') ? body.fields : body.fields.filter((f) => f.name !== '_id');
  return { fields, rows: normRows(fields, body.records) };
}

const exportOf = (
  id: string,
  fmt: string,
  qs = '',
  token?: string,
  method: 'GET' | 'HEAD' = 'GET',
) =>
  t.app.inject({
    method,
    url: `/api/v1/resources/${id}/export.${fmt}?${qs}`,
    headers: token ? bearer(token) : {},
  });

function splitRows(text: string, sep: string): Row[] {
  const [header = '', ...lines] = text.trimEnd().split('\n');
  const names = header.split(sep);
  return lines.map((l) =>
    Object.fromEntries(l.split(sep).map((v, i): [string, unknown] => [names[i] ?? '', v])),
  );
}

/** Read back with a DuckDB of the test's own (big integers come as text; `norm` makes numbers). */
async function parquetRows(bytes: Buffer): Promise<Row[]> {
  expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'export-test-'));
  await writeFile(path.join(dir, 'x.parquet'), bytes);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const reader = await c.runAndReadAll(`SELECT * FROM ${sqlString(path.join(dir, 'x.parquet'))}`);
  c.closeSync();
  db.closeSync();
  await rm(dir, { recursive: true });
  return reader.getRowObjectsJson();
}

async function xlsxRows(bytes: Buffer): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const [names = [], ...data] = rows;
  return data.map((r) => Object.fromEntries(names.map((n, i) => [String(n), r[i]])));
}

const parseLine = (line: string) => JSON.parse(line) as Row;
const PARSE: Record<string, (bytes: Buffer) => Row[] | Promise<Row[]>> = {
  csv: (b) => splitRows(b.toString('utf8'), ','),
  tsv: (b) => splitRows(b.toString('utf8'), '\t'),
  json: (b) => JSON.parse(b.toString('utf8')) as Row[],
  ndjson: (b) => b.toString('utf8').trimEnd().split('\n').map(parseLine),
  parquet: parquetRows,
  xlsx: xlsxRows,
};
const parsed = async (fmt: string, qs = '') => {
  const res = await exportOf(requests, fmt, qs);
  expect(res.statusCode, res.body).toBe(200);
  if (fmt !== 'xlsx') expect(res.headers['content-length']).toBe(String(res.rawPayload.length));
  return (PARSE[fmt] ?? (() => []))(res.rawPayload);
};

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  requests = await upload('fly-tipping-reports', 'requests.csv', requestsCsv());
  privateId = await upload('staff-rota', 'rota.csv', ROTA);
});
afterAll(() => t.close());

describe('exports', () => {
  it.each(Object.keys(PARSE))('gives the rows /query gives, in %s', async (fmt) => {
    const all = await viaQuery(requests, '');
    const rows = await parsed(fmt);
    expect(Object.keys(rows[0] ?? {})).toEqual(all.fields.map((f) => f.name));
    expect(normRows(all.fields, rows)).toEqual(all.rows);
    expect(rows.length).toBe(240);

    const qs = 'filter=borough:eq:Wigan&filter=cost:gte:100&sort=-cost&fields=_id,cost,at,id';
    const some = await viaQuery(requests, qs);
    expect(some.rows.length).toBeGreaterThan(10);
    expect(normRows(some.fields, await parsed(fmt, qs))).toEqual(some.rows);
    const page = await parsed(fmt, `${qs}&limit=5&offset=3`);
    expect(normRows(some.fields, page)).toEqual(some.rows.slice(3, 8));
  });

  it('exports aggregates', async () => {
    const qs = 'group_by=borough&aggregate=count::n&aggregate=sum:cost:total&sort=borough';
    expect(await parsed('ndjson', qs)).toEqual((await viaQuery(requests, qs)).rows);
  });

  it('writes times with and without fractions of a second as /query gives them', async () => {
    const times = await upload(
      'bus-punctuality',
      'times.csv',
      'at\n2024-01-02T03:04:05Z\n2024-01-02T03:04:05.5Z\n1969-07-20T20:17:40.25Z\n',
    );
    const query = await t.app.inject(`/api/v1/resources/${times}/query`);
    const expected = query.json<{ records: { at: string }[] }>().records.map((r) => r.at);
    expect(expected).toEqual([
      '2024-01-02T03:04:05Z',
      '2024-01-02T03:04:05.5Z',
      '1969-07-20T20:17:40.25Z',
    ]);
    const csv = (await exportOf(times, 'csv')).body.trimEnd().split('\n').slice(1);
    expect(csv).toEqual(expected);
  });

  it('writes aggregates of dates and times to a workbook as Excel dates', async () => {
    // A median of dates comes back from DuckDB as a timestamp: still a date in the sheet.
    const qs = 'group_by=borough&aggregate=median:day&aggregate=max:at&sort=borough';
    const res = await exportOf(requests, 'xlsx', qs);
    expect(res.statusCode).toBe(200);
    const rows = await xlsxRows(res.rawPayload);
    expect(rows).toHaveLength(3);
    for (const row of Object.values(rows[0] ?? {}).slice(1)) expect(row).toBeInstanceOf(Date);
  });

  it('gives GeoJSON features as /query does, points from latitude and longitude', async () => {
    const res = await exportOf(requests, 'geojson', 'filter=borough:eq:Bury');
    expect(res.headers['content-type']).toBe('application/geo+json');
    const fc = res.json<Features>();
    const query = await t.app.inject(
      `/api/v1/resources/${requests}/query?filter=borough:eq:Bury&format=geojson&limit=10000`,
    );
    const expected = query.json<Features>().features.map((f) => {
      const { _id: id, ...properties } = f.properties;
      return { ...f, id, properties };
    });
    expect([fc.type, fc.features.length]).toEqual(['FeatureCollection', 80]);
    expect(fc.features).toEqual(expected);
  });

  it('writes GeoJSON geometries, and the bounding box only when asked for', async () => {
    const ring = [
      [-2.3, 53.4],
      [-2.2, 53.4],
      [-2.2, 53.5],
      [-2.3, 53.4],
    ];
    const feature = (name: string, geometry: object) => ({
      type: 'Feature',
      properties: { name },
      geometry,
    });
    const features = [
      feature('Central', { type: 'Polygon', coordinates: [ring] }),
      feature('North', { type: 'Point', coordinates: [-2.25, 53.6] }),
    ];
    const collection = JSON.stringify({ type: 'FeatureCollection', features });
    const id = await upload('fly-tipping-reports', 'wards.geojson', collection);
    const fc = (await exportOf(id, 'geojson')).json<{ features: Row[] }>();
    expect(fc.features.map((f) => [f.geometry, f.properties])).toEqual(
      features.map((f) => [f.geometry, f.properties]),
    );
    expect((await exportOf(id, 'csv')).body.split('\n')[0]).toBe('name,geometry');
    expect((await exportOf(id, 'json')).json<Row[]>()[0]?.geometry).toEqual(features[0]?.geometry);
    const box = (await exportOf(id, 'ndjson', 'fields=name,_minx,_maxy&limit=1')).json<Row>();
    expect(box).toEqual({ name: 'Central', _minx: -2.3, _maxy: 53.5 });
  });

  it('has no 10,000-row cap unless a limit is given', async () => {
    const numbers = Array.from({ length: 12_000 }, (_, i) => i).join('\n');
    const many = await upload('bus-punctuality', 'many.csv', `n\n${numbers}\n`);
    const lines = (await exportOf(many, 'csv')).body.trimEnd().split('\n');
    expect([lines.length, lines.at(-1)]).toEqual([12_001, '11999']);
    const tail = await exportOf(many, 'csv', 'limit=20000&offset=11998');
    expect(tail.body).toBe('n\n11998\n11999\n');
    const geo = await exportOf(many, 'geojson');
    expect(geo.statusCode).toBe(400);
    expect(geo.json<{ error: { message: string } }>().error.message).toMatch(/geographic/);
  });

  it('sends a large export while it is written, whole and in order', async () => {
    // Over the 4 MiB past which the file is sent as DuckDB writes it (no Content-Length).
    const pad = 'x'.repeat(40);
    const lines = Array.from({ length: 150_000 }, (_, i) => `${i},${pad}`);
    const big = await upload('bus-punctuality', 'big.csv', `n,pad\n${lines.join('\n')}\n`);
    for (const [fmt, wrap] of [
      ['csv', ''],
      ['json', '['],
    ] as const) {
      const res = await exportOf(big, fmt);
      expect(res.statusCode).toBe(200);
      // Sent as written (no length) unless DuckDB finished before the first look past 4 MiB.
      expect([undefined, String(res.rawPayload.length)]).toContain(res.headers['content-length']);
      expect(res.body.startsWith(wrap || 'n,pad\n0,')).toBe(true);
      if (fmt === 'csv') expect(res.body).toBe(`n,pad\n${lines.join('\n')}\n`);
      else expect(JSON.parse(res.body)).toHaveLength(150_000);
    }
    // A client that leaves mid-download stops the COPY and leaves no file behind.
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    // Read the first bytes, then hang up.
    await new Promise<void>((resolve, reject) => {
      const req = get(
        `${address}/api/v1/resources/${big}/export.ndjson`,
        { agent: false },
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.once('error', reject);
    });
    const scratch = async () =>
      (await readdir(t.ctx.engine.tempDir)).filter((n) => n.startsWith('export-'));
    for (let i = 0; i < 100 && (await scratch()).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await scratch()).toEqual([]);
    expect((await exportOf(big, 'csv', 'limit=2')).body).toBe(`n,pad\n0,${pad}\n1,${pad}\n`);
  });

  it('names the file after the dataset, resource and version, whatever the query', async () => {
    const a = await exportOf(requests, 'csv');
    const b = await exportOf(requests, 'csv', 'filter=borough:eq:Bury', undefined, 'HEAD');
    expect(b.statusCode).toBe(200);
    expect(a.headers['content-disposition']).toBe(b.headers['content-disposition']);
    expect(a.headers['content-disposition']).toMatch(
      /^attachment; filename="fly-tipping-reports-requests-csv-v1\.csv"/,
    );
    expect(a.headers['content-type']).toBe('text/csv; charset=utf-8');
    const first = '1,2024-02-02,2024-02-02T01:15:30Z,Bury,1.25,false,53.41,-2.49,note 1';
    expect(a.body.split('\n')[1]).toBe(first);
    expect(a.headers['cache-control']).toBeUndefined();
  });

  it('refuses bad parameters with a 400 before sending anything', async () => {
    const res = await exportOf(requests, 'csv', 'fields=colour');
    expect(res.json<{ error: { message: string } }>().error.message).toContain('no field "colour"');
    expect((await exportOf(requests, 'xml')).statusCode).toBe(400);
  });

  it('hides private data: 404 for anonymous users, no shared caching for its readers', async () => {
    expect((await exportOf(privateId, 'csv')).statusCode).toBe(404);
    expect((await exportOf(privateId, 'csv', '', undefined, 'HEAD')).statusCode).toBe(404);
    expect((await exportOf(privateId, 'csv', '', fx.tokens.outsider)).statusCode).toBe(404);
    const own = await exportOf(privateId, 'csv', '', fx.tokens.editor);
    expect(own.body).toBe(ROTA);
    expect(own.headers['cache-control']).toBe('private, no-store');
  });

  it('leaves nothing in the scratch folder', async () => {
    const left = (await readdir(t.ctx.engine.tempDir)).filter((n) => n.startsWith('export-'));
    expect(left).toEqual([]);
  });
});
