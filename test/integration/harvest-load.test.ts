import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { runHarvest } from '../../src/features/harvest/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { $, PageClient } from '../helpers/pages.js';

// A CKAN-like portal on loopback (allowed, as an operator would allow an internal portal) whose
// datasets link CSV and GeoJSON files; the harvest loads them into the datastore. The portal
// answers conditional requests as a web server does (ETag, Last-Modified, 304), except for one
// file it serves without validators, and remembers what each request for a file asked.

const LIMIT = 64_000;

interface Served {
  body: string;
  /** false: no ETag or Last-Modified (only the hash can tell it is the same). */
  validators?: boolean;
  /** Sent in chunks without Content-Length, so only the streamed limit can catch it. */
  chunked?: boolean;
}

const files = new Map<string, Served>();
const fileRequests: { path: string; headers: IncomingHttpHeaders; status: number }[] = [];
let packages: Record<string, unknown>[] = [];
let portal: Server;
let origin: string;
let t: TestApp;
let f: Fixture;

const STOPS_CSV = 'stop_id,name,boardings\n1,Piccadilly,1200\n2,Victoria,950\n';
const WARDS_GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { ward: 'Deansgate' },
      geometry: { type: 'Point', coordinates: [-2.25, 53.48] },
    },
    {
      type: 'Feature',
      properties: { ward: 'Piccadilly' },
      geometry: { type: 'Point', coordinates: [-2.23, 53.477] },
    },
  ],
});

function answerFile(
  path: string,
  headers: IncomingHttpHeaders,
  res: import('node:http').ServerResponse,
) {
  const file = files.get(path);
  const log = (status: number) => fileRequests.push({ path, headers, status });
  if (!file) {
    log(404);
    res.writeHead(404).end('Not found');
    return;
  }
  const etag = `"${createHash('sha256').update(file.body).digest('hex').slice(0, 16)}"`;
  const validators =
    file.validators === false ? {} : { etag, 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' };
  if (file.validators !== false && headers['if-none-match'] === etag) {
    log(304);
    res.writeHead(304, validators).end();
    return;
  }
  log(200);
  if (file.chunked) {
    res.writeHead(200, { 'content-type': 'text/csv', ...validators });
    for (let at = 0; at < file.body.length; at += 8_000) res.write(file.body.slice(at, at + 8_000));
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/csv', ...validators }).end(file.body);
}

const resource = (name: string, path: string, format: string) => ({
  name,
  url: `${origin}${path}`,
  format,
  description: '',
});

function seedPortal() {
  files.set('/files/stops.csv', { body: STOPS_CSV });
  files.set('/files/wards.geojson', { body: WARDS_GEOJSON });
  files.set('/files/counts.csv', { body: 'year,count\n2024,3\n2025,5\n', validators: false });
  files.set('/files/broken.geojson', { body: '{"type": "FeatureCollection", "features": [' });
  files.set('/files/big.csv', {
    body: `id,text\n${Array.from({ length: 3_000 }, (_, i) => `${i},${'x'.repeat(30)}`).join('\n')}`,
    chunked: true,
  });
  packages = [
    {
      id: 'pkg-stops',
      name: 'bus-stops',
      title: 'Bus stops',
      resources: [
        resource('Stops', '/files/stops.csv', 'CSV'),
        resource('Wards', '/files/wards.geojson', 'GeoJSON'),
        resource('Counts', '/files/counts.csv', 'CSV'),
        resource('Guide', '/files/guide.pdf', 'PDF'),
      ],
    },
    {
      id: 'pkg-broken',
      name: 'broken-files',
      title: 'Broken files',
      resources: [
        resource('Broken', '/files/broken.geojson', 'GeoJSON'),
        resource('Gone', '/files/gone.csv', 'CSV'),
        // A private address the operator did not allow (only 127.0.0.1 is).
        {
          ...resource('Inside', '/files/stops.csv', 'CSV'),
          url: `${origin.replace('127.0.0.1', '127.0.0.2')}/files/stops.csv`,
        },
        resource('Big', '/files/big.csv', 'CSV'),
      ],
    },
  ];
}

beforeAll(async () => {
  portal = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://portal');
    if (url.pathname === '/api/3/action/package_search') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          success: true,
          result: { count: packages.length, results: packages },
        }),
      );
      return;
    }
    answerFile(url.pathname, req.headers, res);
  });
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  seedPortal();
  t = await createTestApp({ outboundAllowedPrivate: '127.0.0.1', maxUploadBytes: LIMIT });
  f = await seedFixture(t.ctx);
});
afterAll(async () => {
  await t.close();
  portal.closeAllConnections();
  await new Promise<void>((resolve) => {
    portal.close(() => {
      resolve();
    });
  });
});

interface ResourceView {
  id: string;
  name: string;
  kind: 'file' | 'link';
  url: string;
  format: string;
}

async function api<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: bearer(f.tokens.admin) });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<T>();
}

async function resourcesOf(title: string): Promise<Map<string, ResourceView>> {
  const { slug } = await t.ctx.db.kysely
    .selectFrom('datasets')
    .select('slug')
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  const d = await api<{ resources: ResourceView[] }>(`/api/v1/datasets/${slug}`);
  return new Map(d.resources.map((r) => [r.name, r]));
}

const rows = (id: string) =>
  api<{ records: Record<string, unknown>[]; total: number }>(
    `/api/v1/resources/${id}/query?sort=_id`,
  );

const versions = async (id: string) =>
  (await api<{ results: { version: number }[] }>(`/api/v1/resources/${id}/versions`)).results.map(
    (v) => v.version,
  );

async function errorsOf(runId: string): Promise<string[]> {
  const detail = await api<{ items: { results: { action: string; error: string | null }[] } }>(
    `/api/v1/harvest-runs/${runId}`,
  );
  return detail.items.results.flatMap((i) => (i.action === 'failed' && i.error ? [i.error] : []));
}

const requestsSince = (from: number, path: string) =>
  fileRequests.slice(from).filter((r) => r.path === path);

let sourceId: string;

describe('loading harvested files into the datastore', () => {
  it('offers load_data and loads CSV and GeoJSON files, queryable like uploads', async () => {
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/harvest-sources',
      headers: bearer(f.tokens.admin),
      payload: {
        organisation: 'bolton',
        title: 'Portal',
        type: 'ckan',
        url: origin,
        load_data: true,
      },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ load_data: true });
    sourceId = added.json<{ id: string }>().id;

    const run = await runHarvest(t.ctx, sourceId);
    expect(run).toMatchObject({ status: 'succeeded', created: 2 });

    const stops = await resourcesOf('Bus stops');
    const csv = stops.get('Stops');
    expect(csv).toMatchObject({ kind: 'file', format: 'CSV' });
    expect((await rows(csv?.id ?? '')).records).toMatchObject([
      { stop_id: 1, name: 'Piccadilly', boardings: 1200 },
      { stop_id: 2, name: 'Victoria', boardings: 950 },
    ]);
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/resources/${csv?.id ?? ''}/download`,
    });
    expect(download.body).toBe(STOPS_CSV);

    const wards = await rows(stops.get('Wards')?.id ?? '');
    expect(wards.total).toBe(2);
    expect(wards.records.map((r) => r.ward)).toEqual(['Deansgate', 'Piccadilly']);
    expect((await rows(stops.get('Counts')?.id ?? '')).total).toBe(2);
    // A PDF is not the datastore's: it stays a link to the portal, never downloaded.
    expect(stops.get('Guide')).toMatchObject({ kind: 'link', url: `${origin}/files/guide.pdf` });
    expect(fileRequests.some((r) => r.path === '/files/guide.pdf')).toBe(false);

    // A resource's id names its table on the SQL endpoint.
    const sql = await api<{ records: Record<string, unknown>[] }>(
      `/api/v1/sql?q=${encodeURIComponent(`SELECT sum(boardings) AS total FROM "${csv?.id ?? ''}"`)}`,
    );
    expect(sql.records).toEqual([{ total: 2150 }]);
  });

  it('logs each file that cannot be loaded, with why, and still harvests its dataset', async () => {
    const run = await t.ctx.db.kysely
      .selectFrom('harvest_runs')
      .selectAll()
      .where('source_id', '=', sourceId)
      .executeTakeFirstOrThrow();
    expect(run.failed).toBe(4);
    const errors = await errorsOf(run.id);
    expect(errors).toHaveLength(4);
    expect(errors.find((e) => e.includes('broken.geojson'))).toMatch(
      /File “Broken”.*not loaded: .+/,
    );
    expect(errors.find((e) => e.includes('gone.csv'))).toMatch(/answered 404/);
    expect(errors.find((e) => e.includes('127.0.0.2'))).toMatch(/private address/);
    expect(errors.find((e) => e.includes('big.csv'))).toContain(
      `larger than the upload limit of ${LIMIT} bytes (MAX_UPLOAD_BYTES)`,
    );

    const broken = await resourcesOf('Broken files');
    expect([...broken.keys()]).toEqual(['Broken', 'Gone', 'Inside', 'Big']);
    // What did not load stays a link to the portal, with no data.
    for (const r of broken.values()) expect(r.kind).toBe('link');
    expect(await versions(broken.get('Broken')?.id ?? '')).toEqual([]);
  });

  it('makes no new version of unchanged files, asking the portal conditionally', async () => {
    const stops = await resourcesOf('Bus stops');
    const from = fileRequests.length;
    const run = await runHarvest(t.ctx, sourceId);
    expect(run).toMatchObject({ status: 'succeeded', created: 0, updated: 0, unchanged: 2 });

    const [csvAsked] = requestsSince(from, '/files/stops.csv');
    expect(csvAsked?.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
    expect(csvAsked?.headers['if-modified-since']).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
    expect(csvAsked?.status).toBe(304);
    // Served again in full (no validators to ask with), but the same bytes: no new version.
    expect(requestsSince(from, '/files/counts.csv').map((r) => r.status)).toEqual([200]);
    for (const name of ['Stops', 'Wards', 'Counts']) {
      expect(await versions(stops.get(name)?.id ?? ''), name).toEqual([1]);
    }
  });

  it('loads a changed file as exactly one new version of the same resource', async () => {
    const before = await resourcesOf('Bus stops');
    files.set('/files/stops.csv', { body: `${STOPS_CSV}3,Oxford Road,700\n` });
    const run = await runHarvest(t.ctx, sourceId);
    expect(run).toMatchObject({ status: 'succeeded', updated: 1, unchanged: 1 });

    const after = await resourcesOf('Bus stops');
    for (const [name, r] of before) expect(after.get(name)?.id, name).toBe(r.id);
    const csv = after.get('Stops')?.id ?? '';
    expect(await versions(csv)).toEqual([2, 1]);
    expect(await versions(after.get('Wards')?.id ?? '')).toEqual([1]);
    const data = await rows(csv);
    expect(data.total).toBe(3);
    expect(data.records.at(-1)).toMatchObject({ name: 'Oxford Road' });
  });

  it('updates metadata without downloading files again or changing resource ids', async () => {
    const before = await resourcesOf('Bus stops');
    const stops = packages[0] as { title: string; resources: { description: string }[] };
    stops.title = 'Bus stops and boardings';
    for (const r of stops.resources.slice(0, 1)) r.description = 'Boardings per stop';
    const from = fileRequests.length;
    const run = await runHarvest(t.ctx, sourceId);
    expect(run).toMatchObject({ status: 'succeeded', updated: 1 });

    const after = await resourcesOf('Bus stops and boardings');
    for (const [name, r] of before) expect(after.get(name)?.id, name).toBe(r.id);
    expect(requestsSince(from, '/files/stops.csv').map((r) => r.status)).toEqual([304]);
    expect(requestsSince(from, '/files/wards.geojson').map((r) => r.status)).toEqual([304]);
    expect(await versions(after.get('Stops')?.id ?? '')).toEqual([2, 1]);
  });
});

describe('the "new source" page', () => {
  it('offers to load data into the datastore, and the source’s page says it does', async () => {
    await setPassword(t.ctx, 'admin@example.org', 'correct horse battery staple');
    const browser = new PageClient(t.app);
    expect(
      (await browser.signIn('admin@example.org', 'correct horse battery staple')).statusCode,
    ).toBe(303);
    const form = await browser.get('/publish/harvest/new');
    const box = $(form.body)('input[type=checkbox][name=load-data]');
    expect(box.attr('value')).toBe('yes');
    expect(
      $(form.body)(`label[for=${box.attr('id') ?? ''}]`)
        .text()
        .trim(),
    ).toBe('Load data into the datastore');
    const added = await browser.post('/publish/harvest/new', {
      organisation: 'bolton',
      title: 'Portal with data',
      type: 'ckan',
      url: origin,
      schedule: '',
      licence: '',
      'load-data': 'yes',
    });
    expect(added.statusCode, added.body).toBe(303);
    const page = await browser.get(String(added.headers.location));
    const doc = $(page.body);
    const row = doc('.govuk-summary-list__row')
      .filter((_, el) => doc(el).text().includes('Load data into the datastore'))
      .find('.govuk-summary-list__value');
    expect(row.text().trim()).toBe('Yes');
  });
});
