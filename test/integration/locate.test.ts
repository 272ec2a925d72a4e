import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBoundaryFile } from '../../src/features/areas/index.js';
import { createOrganisation } from '../../src/features/organisations/index.js';
import { saveRegion } from '../../src/features/region/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { box, feature, multiPolygon, polygon, writeCollection } from '../helpers/geojson-files.js';

// A made-up region (0..2.5 E, 0..1 N): Westshire and Eastshire share the border at 1 E;
// Westshire has a hole, which is part of Islay, whose second part is an island out east.
/** A locate answer, or an error, as a client reads it. */
interface Answer {
  organisations: { slug: string; name: string; kind: string }[];
  ward: { code: string; name: string } | null;
  error: { code: string; message: string; details: unknown };
}

let t: TestApp;
let dir: string;
const options = {
  nameProperty: 'area_name',
  codeProperty: 'area_code',
  parentProperty: 'local_authority_area_code',
};

const area = (area_code: string, area_name: string, geometry: unknown) =>
  feature({ area_code, area_name }, geometry);
const ward = (area_code: string, area_name: string, la: string, geometry: unknown) =>
  feature({ area_code, area_name, local_authority_area_code: la }, geometry);

async function importFile(name: string, features: unknown[]) {
  return importBoundaryFile(t.ctx, await writeCollection(dir, name, features), options);
}

async function locate(lat: number | string, lon: number | string) {
  const res = await t.app.inject({ url: `/api/v1/locate?lat=${lat}&lon=${lon}` });
  return { status: res.statusCode, body: res.json<Answer>() };
}

const slugs = (body: { organisations: { slug: string }[] }) =>
  body.organisations.map((o) => o.slug);

beforeAll(async () => {
  t = await createTestApp();
  dir = await mkdtemp(path.join(tmpdir(), 'metrodata-locate-'));
  const at = new Date().toISOString();
  await saveRegion(t.ctx, {
    id: 'region-1',
    slug: 'testshire',
    name: 'Testshire',
    boundary: null,
    settings: JSON.stringify({ areaCode: 'E47000099' }),
    created_at: at,
    updated_at: at,
  });
  for (const [slug, name, kind] of [
    ['westshire', 'Westshire Council', 'council'],
    ['eastshire', 'Eastshire Council', 'council'],
    ['islay', 'Islay Council', 'council'],
    ['transit', 'Testshire Transport', 'transport'],
    ['police', 'Testshire Police', 'police'],
  ] as const) {
    await createOrganisation(t.ctx, null, { slug, name, kind });
  }
  const report = await importFile('areas.geojson', [
    area('E47000099', 'Testshire', polygon(box(0, 0, 2.5, 1))),
    area('E08000091', 'Westshire', polygon(box(0, 0, 1, 1), box(0.4, 0.4, 0.6, 0.6))),
    area('E08000092', 'Eastshire', polygon(box(1, 0, 2, 1))),
    area('E08000093', 'Islay', multiPolygon([box(0.4, 0.4, 0.6, 0.6)], [box(2.2, 0.1, 2.4, 0.3)])),
  ]);
  expect(report.kind).toBe('boundaries');
}, 60_000);
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /api/v1/locate before wards are loaded', () => {
  it('answers the borough and the region-wide transport body, with no ward', async () => {
    const { status, body } = await locate(0.25, 0.25);
    expect(status).toBe(200);
    expect(body).toEqual({
      latitude: 0.25,
      longitude: 0.25,
      region: { slug: 'testshire', name: 'Testshire' },
      organisations: [
        { slug: 'westshire', name: 'Westshire Council', kind: 'council' },
        { slug: 'transit', name: 'Testshire Transport', kind: 'transport' },
      ],
      ward: null,
    });
  });
});

describe('importing wards', () => {
  it('matches each ward to its borough by the local authority code and lists the rest', async () => {
    const report = await importFile('wards.geojson', [
      ward('E05000001', 'West Lower', 'E08000091', polygon(box(0, 0, 1, 0.5))),
      ward('E05000002', 'West Upper', 'E08000091', polygon(box(0, 0.5, 1, 1))),
      ward('E05000003', 'East Lower', 'E08000092', polygon(box(1, 0, 2, 0.5))),
      ward('E05000004', 'East Upper', 'E08000092', polygon(box(1, 0.5, 2, 1))),
      ward('E05000005', 'Lake', 'E08000093', polygon(box(0.4, 0.4, 0.6, 0.6))),
      ward('E05000099', 'Nowhere', 'E08000999', polygon(box(5, 5, 6, 6))),
    ]);
    expect(report.kind).toBe('wards');
    expect(report.lines).toContain(
      'Matched 5 of 6 to 3 organisation(s): 5 new, 0 updated, 0 removed.',
    );
    expect(report.lines).toContain('  Westshire Council: 2 ward(s)');
    expect(report.lines.join('\n')).toMatch(
      /Not matched \(1\):\n {2}Nowhere \(E05000099\): no organisation has the local authority code E08000999/,
    );
  });
});

describe('GET /api/v1/locate', () => {
  it('routes points a hair either side of a shared border as the polygons say', async () => {
    const west = await locate(0.25, 0.99999);
    const east = await locate(0.25, 1.00001);
    expect(slugs(west.body)).toEqual(['westshire', 'transit']);
    expect(west.body.ward).toEqual({ code: 'E05000001', name: 'West Lower' });
    expect(slugs(east.body)).toEqual(['eastshire', 'transit']);
    expect(east.body.ward).toEqual({ code: 'E05000003', name: 'East Lower' });
    // Across a ward border inside one borough.
    expect((await locate(0.50001, 1.5)).body.ward?.name).toBe('East Upper');
  });

  it('routes a point in a hole to the body the hole belongs to, not the one around it', async () => {
    const lake = await locate(0.5, 0.5);
    expect(slugs(lake.body)).toEqual(['islay', 'transit']);
    expect(lake.body.ward).toEqual({ code: 'E05000005', name: 'Lake' });
    // Just outside the hole is Westshire again.
    expect(slugs((await locate(0.39999, 0.5)).body)).toEqual(['westshire', 'transit']);
  });

  it('finds the second part of a MultiPolygon', async () => {
    const island = await locate(0.2, 2.3);
    expect(slugs(island.body)).toEqual(['islay', 'transit']);
    expect(island.body.ward).toBeNull();
    // Between the parts, inside the region: only the region-wide body.
    expect(slugs((await locate(0.2, 2.1)).body)).toEqual(['transit']);
  });

  it('refuses a point outside the region, naming its extent', async () => {
    const { status, body } = await locate(0.5, 3);
    expect(status).toBe(422);
    expect(body.error.code).toBe('outside_region');
    expect(body.error.message).toBe(
      'The point 0.5, 3 is outside Testshire. Testshire lies between latitudes 0.000°N and ' +
        '1.000°N and longitudes 0.000°E and 2.500°E.',
    );
    expect(body.error.details).toEqual({
      region: 'Testshire',
      extent: { min_latitude: 0, min_longitude: 0, max_latitude: 1, max_longitude: 2.5 },
    });
  });

  it.each([
    ['lat=abc&lon=1', 'lat'],
    ['lat=0.5&lon=', 'lon'],
    ['lat=91&lon=1', 'lat'],
    ['lat=0.5&lon=-180.5', 'lon'],
    ['lat=0.5', 'lon'],
  ])('refuses %s, naming %s', async (query, field) => {
    const res = await t.app.inject({ url: `/api/v1/locate?${query}` });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: { code: string; details: { field: string }[] } }>();
    expect(error.code).toBe('invalid_request');
    expect(error.details[0]?.field).toBe(field);
  });

  it('follows a new import at once (the index is rebuilt)', async () => {
    expect(slugs((await locate(0.75, 1.75)).body)).toEqual(['eastshire', 'transit']);
    await importFile('east-shrunk.geojson', [
      area('E08000092', 'Eastshire', polygon(box(1, 0, 1.5, 1))),
    ]);
    expect(slugs((await locate(0.75, 1.75)).body)).toEqual(['transit']);
    expect(slugs((await locate(0.75, 1.25)).body)).toEqual(['eastshire', 'transit']);
  });

  it('replaces a borough’s wards on re-import, removing those no longer in the file', async () => {
    const report = await importFile('wards-2.geojson', [
      ward('E05000003', 'East Lower', 'E08000092', polygon(box(1, 0, 1.5, 0.5))),
      ward('E05000006', 'East Upper (new)', 'E08000092', polygon(box(1, 0.5, 1.5, 1))),
    ]);
    expect(report.lines).toContain(
      'Matched 2 of 2 to 1 organisation(s): 1 new, 1 updated, 1 removed.',
    );
    expect((await locate(0.75, 1.25)).body.ward?.code).toBe('E05000006');
    // Westshire's wards were not in this file and stay.
    expect((await locate(0.75, 0.25)).body.ward?.code).toBe('E05000002');
  });
});
