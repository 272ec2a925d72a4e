import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import {
  importRegionBoundaries,
  placeKey,
} from '../../src/features/organisations/boundary-import.service.js';
import { DomainError } from '../../src/platform/errors.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

// Made-up squares with real ONS codes: these tests never read the real boundary files.
const square = (lon: number, lat: number, size = 0.05) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});
const feature = (area_code: string | null, area_name: string, geometry: unknown) => ({
  type: 'Feature',
  properties: { area_code, area_name },
  geometry,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

const options = { nameProperty: 'area_name', codeProperty: 'area_code' };

let ctx: TestContext;
let dir: string;

async function writeGeoJson(name: string, content: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function boundaries() {
  return ctx.db.kysely
    .selectFrom('organisations')
    .select(['slug', 'boundary', 'area_code'])
    .orderBy('slug')
    .execute();
}

beforeAll(async () => {
  ctx = await createTestContext();
  dir = await mkdtemp(path.join(tmpdir(), 'metrodata-import-'));
  await seedDemo(ctx, { force: false, largeRows: 20_000 });
}, 60_000);
afterAll(async () => {
  await ctx.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe('importing region boundaries', () => {
  it('matches features by area code, else by name, and reports the rest', async () => {
    // Without its code, Manchester can only be matched by name.
    await ctx.db.kysely
      .updateTable('organisations')
      .set({ area_code: null })
      .where('slug', '=', 'manchester-city-council')
      .execute();
    const bolton = square(-2.5, 53.55);
    const manchester = { type: 'MultiPolygon', coordinates: [square(-2.25, 53.45).coordinates] };
    const file = await writeGeoJson(
      'boroughs.geojson',
      collection(
        feature('E08000001', 'Bolton', bolton),
        feature('E08000003', 'Manchester', manchester),
        feature('E08999999', 'Narnia', square(-2.0, 53.4)),
      ),
    );
    const progress: number[] = [];
    const { lines } = await importRegionBoundaries(ctx, file, {
      ...options,
      progress: (done) => progress.push(done),
    });

    const orgs = await boundaries();
    const bySlug = (slug: string) => orgs.find((o) => o.slug === slug);
    expect(JSON.parse(bySlug('bolton-council')?.boundary ?? 'null')).toEqual(bolton);
    expect(JSON.parse(bySlug('manchester-city-council')?.boundary ?? 'null')).toEqual(manchester);
    expect(bySlug('manchester-city-council')?.area_code).toBe('E08000003');
    expect(bySlug('bolton-council')?.area_code).toBe('E08000001');
    expect(progress.at(-1)).toBe(2);

    const report = lines.join('\n');
    expect(report).toContain('Matched 2 of 3');
    expect(report).toMatch(/Bolton \(E08000001\) -> Bolton Council\n/);
    expect(report).toMatch(/Manchester \(E08000003\) -> Manchester City Council \(by name\)/);
    expect(report).toMatch(/Not matched \(1\):\n {2}Narnia \(E08999999\)/);

    const activity = await ctx.db.kysely
      .selectFrom('activities')
      .select('diff')
      .where('action', '=', 'organisation.boundary_imported')
      .execute();
    expect(activity).toHaveLength(2);
  });

  it('makes a feature for the whole region the region boundary', async () => {
    const outline = square(-2.75, 53.3, 0.7);
    const file = await writeGeoJson(
      'region.geojson',
      collection(feature('E47000001', 'Greater Manchester', outline)),
    );
    const { lines } = await importRegionBoundaries(ctx, file, options);
    const region = await ctx.db.kysely.selectFrom('regions').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(region.boundary ?? 'null')).toEqual(outline);
    expect(lines.join('\n')).toMatch(/and the region boundary/);
  });

  it('matches names without the words councils add to them', () => {
    expect(placeKey('Stockport Metropolitan Borough Council')).toBe('stockport');
    expect(placeKey('Manchester City Council')).toBe(placeKey('City of Manchester'));
    expect(placeKey('Greater Manchester Combined Authority')).toBe('greater manchester');
  });

  describe('a bad file', () => {
    const valid = feature('E08000010', 'Wigan', square(-2.6, 53.5));
    const cases: [string, unknown, RegExp][] = [
      ['not JSON', '{"type": "FeatureCollection", "features": [', /not valid JSON/],
      ['not a FeatureCollection', { type: 'Feature', geometry: null }, /FeatureCollection/],
      [
        'a Point among polygons',
        collection(
          valid,
          feature('E08000002', 'Bury', { type: 'Point', coordinates: [-2.3, 53.6] }),
        ),
        /features\[1\]\.geometry: is a "Point" geometry; only Polygon and MultiPolygon/,
      ],
      [
        'a longitude of 500',
        collection(valid, feature('E08000002', 'Bury', square(500, 53.6))),
        /outside the longitude\/latitude range/,
      ],
      [
        'British National Grid',
        {
          ...collection(valid),
          crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
        },
        /WGS 84/,
      ],
    ];

    for (const [what, content, message] of cases) {
      it(`fails clearly on ${what} and changes nothing`, async () => {
        const before = await boundaries();
        const file = await writeGeoJson(`bad-${what.replace(/\W+/g, '-')}.geojson`, content);
        const error: unknown = await importRegionBoundaries(ctx, file, options).catch(
          (err: unknown) => err,
        );
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).message).toMatch(message);
        expect(await boundaries()).toEqual(before);
      });
    }

    it('refuses a file over 100 MB before reading it', async () => {
      const file = path.join(dir, 'huge.geojson');
      await writeFile(file, '');
      await truncate(file, 101 * 1024 * 1024); // sparse: no 100 MB actually written
      await expect(importRegionBoundaries(ctx, file, options)).rejects.toThrow(/limit is 100 MB/);
    });

    it('says which properties it could not find', async () => {
      const file = await writeGeoJson('props.geojson', collection(valid));
      await expect(
        importRegionBoundaries(ctx, file, { nameProperty: 'NAME', codeProperty: 'CODE' }),
      ).rejects.toThrow(/no feature has a "NAME" or "CODE" property \(the first has: area_code/);
    });
  });
});
