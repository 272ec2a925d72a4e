import { writeFile } from 'node:fs/promises';
import { load } from 'cheerio';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset } from '../../src/features/catalog/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { frictionlessValidators, haveFrictionless } from '../helpers/frictionless.js';
import { multipartBody } from '../helpers/multipart.js';

interface TableField {
  name: string;
  type: string;
  format?: string;
}
interface Resource {
  profile: string;
  name: string;
  title: string;
  path: string;
  format?: string;
  mediatype?: string;
  encoding?: string;
  bytes?: number;
  hash?: string;
  dialect?: { delimiter: string; header: boolean };
  schema?: { fields: TableField[]; missingValues: string[]; primaryKey?: string[] };
}
interface Descriptor {
  profile: string;
  name: string;
  id: string;
  title: string;
  description?: string;
  homepage: string;
  version: string;
  created: string;
  keywords?: string[];
  licenses: { name: string; path?: string; title: string }[];
  sources?: { title: string; path: string }[];
  contributors: { title: string; role: string; path?: string; email?: string }[];
  resources: Resource[];
}

let t: TestApp;
let fx: Fixture;
const BASE = 'http://metrodata.test';

const COLLISIONS =
  'ref,day,reported_at,casualties,cost,serious,road\n' +
  '1,2024-01-05,2024-01-05T08:15:00Z,2,1250.5,true,"A666, Bolton Road"\n' +
  '2,2024-02-11,2024-02-11T17:40:00Z,1,300,false,Chorley New Road\n' +
  '3,2024-03-02,,3,,true,"St Peter\'s Way ""ring road"""\n';
const WARDS = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { ward: 'Halliwell', casualties: 4 },
      geometry: { type: 'Point', coordinates: [-2.44, 53.59] },
    },
    {
      type: 'Feature',
      properties: { ward: 'Heaton', casualties: 1 },
      geometry: { type: 'Point', coordinates: [-2.47, 53.58] },
    },
  ],
});

async function upload(dataset: string, filename: string, content: string | Buffer) {
  const { body, contentType } = multipartBody({}, { field: 'file', filename, content });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/datasets/${dataset}/resources?wait=true`,
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function descriptor(slug: string, token?: string) {
  const res = await t.app.inject({
    url: `/dataset/${slug}/datapackage.json`,
    headers: token ? bearer(token) : {},
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  return { res, body: res.json<Descriptor>() };
}

let collisionsId: string;
let wardsId: string;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  // A dataset described as the demo's are: every field, tabular data, a map layer and a report.
  await createDataset(t.ctx, fx.editorActor, {
    slug: 'road-collisions',
    title: 'Road collisions',
    organisation: 'bolton',
    description: 'Collisions on **Bolton** roads reported to the police, with casualties.',
    tags: ['roads', 'safety'],
    themes: ['transport'],
    update_frequency: 'monthly',
    temporal_coverage: { start: '2024-01-01', end: '2024-12-31' },
    spatial_coverage: 'Bolton',
    contact: { name: 'Road safety team', email: 'roads@bolton.example' },
    source_url: 'https://police.example/collisions',
  });
  collisionsId = await upload('road-collisions', 'collisions.csv', COLLISIONS);
  wardsId = await upload('road-collisions', 'wards.geojson', WARDS);
  await upload('road-collisions', 'method.pdf', Buffer.from('%PDF-1.4\n% a method note\n'));
  // Only what is required: a title, a publisher, and one table.
  await createDataset(t.ctx, fx.editorActor, {
    slug: 'bare-counts',
    title: 'Bare counts',
    organisation: 'bolton',
    description: '',
  });
  await upload('bare-counts', 'counts.csv', 'site,count\nA,1\nB,2\n');
  await upload('staff-rota', 'rota.csv', 'name,shift\nAsha,early\n');
});
afterAll(() => t.close());

describe('datapackage.json', () => {
  it('describes a dataset with tables, a map layer and a document as a Data Package', async () => {
    const { res, body } = await descriptor('road-collisions');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    // A PDF cannot be a tabular resource, and a Tabular Data Package holds nothing else.
    expect(body.profile).toBe('data-package');
    expect(body).toMatchObject({
      name: 'road-collisions',
      title: 'Road collisions',
      homepage: `${BASE}/datasets/road-collisions`,
      keywords: ['roads', 'safety'],
      licenses: [
        {
          name: 'OGL-UK-3.0',
          path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
          title: 'Open Government Licence v3.0',
        },
      ],
      sources: [{ title: 'Original source', path: 'https://police.example/collisions' }],
      contributors: [
        { title: 'Bolton Council', role: 'publisher', path: `${BASE}/organisations/bolton` },
        { title: 'Road safety team', email: 'roads@bolton.example', role: 'maintainer' },
      ],
    });
    expect(body.version).toMatch(/^\d{4}\.\d{1,2}\.\d{1,2}$/);
    const [table, layer, pdf] = body.resources;
    expect(table).toMatchObject({
      profile: 'tabular-data-resource',
      name: 'collisions-csv',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', header: true },
    });
    // The CSV export is not the uploaded file: no size or hash that would not match it.
    expect(table?.bytes).toBeUndefined();
    expect(table?.hash).toBeUndefined();
    expect(table?.path).toBe(
      `${BASE}/api/v1/resources/${collisionsId}/export.csv?fields=_id,ref,day,reported_at,casualties,cost,serious,road`,
    );
    expect(table?.schema).toEqual({
      fields: [
        {
          name: '_id',
          type: 'integer',
          title: 'Row number',
          constraints: { required: true, unique: true },
        },
        { name: 'ref', type: 'integer' },
        { name: 'day', type: 'date', format: 'default' },
        { name: 'reported_at', type: 'datetime', format: 'default' },
        { name: 'casualties', type: 'integer' },
        { name: 'cost', type: 'number' },
        { name: 'serious', type: 'boolean', trueValues: ['true'], falseValues: ['false'] },
        { name: 'road', type: 'string', format: 'default' },
      ],
      missingValues: [''],
      primaryKey: ['_id'],
    });
    expect(layer?.schema?.fields.find((f) => f.type === 'geojson')).toBeDefined();
    // The document as it is: its own file, whose size and hash are exactly that file's.
    expect(pdf).toMatchObject({
      profile: 'data-resource',
      name: 'method-pdf',
      format: 'pdf',
      mediatype: 'application/pdf',
      bytes: 25,
    });
    expect(pdf?.path).toMatch(/\/api\/v1\/resources\/[\w-]+\/download$/);
    expect(pdf?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(wardsId).toBeTruthy();
  });

  it('points each table at a CSV export that answers with the columns its schema lists', async () => {
    const { body } = await descriptor('road-collisions');
    for (const r of body.resources.filter((x) => x.profile === 'tabular-data-resource')) {
      const csv = await t.app.inject({ url: r.path.replace(BASE, '') });
      expect(csv.statusCode, csv.body).toBe(200);
      const header = csv.body.split('\n')[0]?.split(',');
      expect(header).toEqual(r.schema?.fields.map((f) => f.name));
    }
  });

  it('is a Tabular Data Package when every resource is a table, with only what is known', async () => {
    const { body } = await descriptor('bare-counts');
    expect(body.profile).toBe('tabular-data-package');
    expect(body.description).toBeUndefined();
    expect(body.keywords).toBeUndefined();
    expect(body.sources).toBeUndefined();
    expect(body.contributors).toEqual([
      { title: 'Bolton Council', role: 'publisher', path: `${BASE}/organisations/bolton` },
    ]);
    expect(body.resources.map((r) => r.name)).toEqual(['counts-csv']);
  });

  it('is a 404 for a dataset with nothing to package, or none', async () => {
    for (const slug of ['bus-punctuality', 'no-such-dataset']) {
      const res = await t.app.inject(`/dataset/${slug}/datapackage.json`);
      expect(res.statusCode).toBe(404);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('not_found');
    }
  });

  it('shows a private dataset only to those who may read it, never to shared caches', async () => {
    expect((await t.app.inject('/dataset/staff-rota/datapackage.json')).statusCode).toBe(404);
    const outsider = await t.app.inject({
      url: '/dataset/staff-rota/datapackage.json',
      headers: bearer(fx.tokens.otherEditor),
    });
    expect(outsider.statusCode).toBe(404);
    const { res, body } = await descriptor('staff-rota', fx.tokens.member);
    expect(res.headers['cache-control']).toContain('private');
    expect(body.resources[0]?.name).toBe('rota-csv');
  });
});

describe.skipIf(!haveFrictionless)('against the Frictionless v1 profiles', () => {
  const v = haveFrictionless ? frictionlessValidators() : null;

  it('a dataset of tables is a valid Tabular Data Package', async () => {
    const { body } = await descriptor('bare-counts');
    expect(v?.['tabular-data-package'](body)).toEqual([]);
    expect(v?.['data-package'](body)).toEqual([]);
  });

  it('a dataset with a document is a valid Data Package of valid resources', async () => {
    const { body } = await descriptor('road-collisions');
    expect(v?.['data-package'](body)).toEqual([]);
    for (const r of body.resources) {
      const profile = r.profile === 'tabular-data-resource' ? r.profile : 'data-resource';
      expect(v?.[profile](r), r.name).toEqual([]);
    }
  });

  it('the zip descriptor is valid too', async () => {
    const res = await t.app.inject('/dataset/bare-counts/datapackage.zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const inside: unknown = JSON.parse(
      (await zip.file('datapackage.json')?.async('string')) ?? '{}',
    );
    expect(v?.['tabular-data-package'](inside)).toEqual([]);
  });
});

describe('datapackage.zip', () => {
  it('is offered on the dataset page, with its descriptor', async () => {
    const $ = load((await t.app.inject('/datasets/road-collisions')).body);
    const hrefs = $('#resources ~ p a')
      .map((_i, a) => $(a).attr('href'))
      .get();
    expect(hrefs).toEqual([
      '/dataset/road-collisions/datapackage.zip',
      '/dataset/road-collisions/datapackage.json',
    ]);
  });

  it('holds the descriptor and each table as the CSV export writes it', async () => {
    const res = await t.app.inject('/dataset/road-collisions/datapackage.zip');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('road-collisions-datapackage.zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    expect(Object.keys(zip.files).sort()).toEqual([
      'data/collisions-csv.csv',
      'data/wards-geojson.csv',
      'datapackage.json',
    ]);
    const inside = JSON.parse(
      (await zip.file('datapackage.json')?.async('string')) ?? '{}',
    ) as Descriptor;
    const online = (await descriptor('road-collisions')).body;
    // The same package, its tables found beside it; the document stays a link.
    expect(inside.resources.map((r) => r.path)).toEqual([
      'data/collisions-csv.csv',
      'data/wards-geojson.csv',
      online.resources[2]?.path,
    ]);
    expect(inside.resources.map((r) => r.schema)).toEqual(online.resources.map((r) => r.schema));
    for (const r of online.resources.slice(0, 2)) {
      const file = await zip.file(`data/${r.name}.csv`)?.async('string');
      expect(file).toBe((await t.app.inject(r.path.replace(BASE, ''))).body);
    }
    const csv = await zip.file('data/collisions-csv.csv')?.async('string');
    expect(csv?.split('\n')).toEqual([
      '_id,ref,day,reported_at,casualties,cost,serious,road',
      '1,1,2024-01-05,2024-01-05T08:15:00Z,2,1250.5,true,"A666, Bolton Road"',
      '2,2,2024-02-11,2024-02-11T17:40:00Z,1,300.0,false,Chorley New Road',
      `3,3,2024-03-02,,3,,true,"St Peter's Way ""ring road"""`,
      '',
    ]);
  });

  it('answers HEAD without building the zip, and keeps private packages private', async () => {
    const head = await t.app.inject({
      method: 'HEAD',
      url: '/dataset/bare-counts/datapackage.zip',
    });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect((await t.app.inject('/dataset/staff-rota/datapackage.zip')).statusCode).toBe(404);
    const res = await t.app.inject({
      url: '/dataset/staff-rota/datapackage.zip',
      headers: bearer(fx.tokens.editor),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('private');
    const zip = await JSZip.loadAsync(res.rawPayload);
    expect(await zip.file('data/rota-csv.csv')?.async('string')).toBe(
      '_id,name,shift\n1,Asha,early\n',
    );
  });

  it('ends a zip short when an export fails after it started, and goes on serving', async () => {
    await createDataset(t.ctx, fx.editorActor, {
      slug: 'broken-store',
      title: 'Broken store',
      organisation: 'bolton',
    });
    const id = await upload('broken-store', 'counts.csv', 'site,count\nA,1\n');
    const version = await t.ctx.db.kysely
      .selectFrom('datastore_versions')
      .select('blob_key')
      .where('resource_id', '=', id)
      .executeTakeFirstOrThrow();
    const file = t.ctx.blobs.localPath(version.blob_key);
    if (!file) throw new Error('no local file');
    await writeFile(file, 'not parquet at all');
    const res = await t.app.inject('/dataset/broken-store/datapackage.zip').catch(() => null);
    // Headers were sent: the failure can only cut the download short, never pass for a whole zip.
    if (res) await expect(JSZip.loadAsync(res.rawPayload)).rejects.toThrow();
    expect((await t.app.inject('/dataset/bare-counts/datapackage.zip')).statusCode).toBe(200);
  });
});
