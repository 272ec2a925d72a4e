import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBoundaryFile } from '../../src/features/areas/index.js';
import { actorForUser, createUser, SESSION_SCOPES } from '../../src/features/accounts/index.js';
import { createOrganisation, findOrganisation } from '../../src/features/organisations/index.js';
import { createReport, defineCategory, offerCategory } from '../../src/features/reports/index.js';
import { saveRegion } from '../../src/features/region/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { borderPoints, hasEdge } from '../helpers/border-points.js';

// The real, official boundaries of Greater Manchester (../shared/data, not in the repository).
const dataDir = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'data',
  'greater-manchester',
);
const present = existsSync(path.join(dataDir, 'gm_ward_generalised.geojson'));
if (!present) console.log(`Skipping the Greater Manchester routing tests: ${dataDir} is absent`);

interface Feature {
  properties: Record<string, string>;
  geometry: { type: string; coordinates: unknown };
}
const file = (name: string) => path.join(dataDir, name);
const features = async (name: string) =>
  (JSON.parse(await readFile(file(name), 'utf8')) as { features: Feature[] }).features;
const options = {
  nameProperty: 'area_name',
  codeProperty: 'area_code',
  parentProperty: 'local_authority_area_code',
};

/** A locate answer, or an error, as a client reads it. */
interface Answer {
  organisations: { slug: string; name: string; kind: string }[];
  ward: { code: string; name: string } | null;
  error: { code: string; message: string; details: unknown };
}

let t: TestApp;
let boroughs: Feature[];
let wards: Feature[];

describe.skipIf(!present)('routing on the real Greater Manchester boundaries', () => {
  beforeAll(async () => {
    t = await createTestApp();
    const at = new Date().toISOString();
    await saveRegion(t.ctx, {
      id: 'gm',
      slug: 'greater-manchester',
      name: 'Greater Manchester',
      boundary: null,
      settings: JSON.stringify({ areaCode: 'E47000001' }),
      created_at: at,
      updated_at: at,
    });
    boroughs = await features('gm_local_authority_generalised.geojson');
    wards = await features('gm_ward_generalised.geojson');
    for (const b of boroughs) {
      const slug = b.properties.area_name?.toLowerCase() ?? '';
      await createOrganisation(t.ctx, null, {
        slug,
        name: `${b.properties.area_name ?? ''} Council`,
        kind: 'council',
      });
    }
    await createOrganisation(t.ctx, null, {
      slug: 'tfgm',
      name: 'Transport for Greater Manchester',
      kind: 'transport',
    });
    const region = await importBoundaryFile(
      t.ctx,
      file('gm_combined_authority_generalised.geojson'),
      options,
    );
    expect(region.lines).toContain('Every feature matched.');
    // The councils are matched by name here ("Bolton" to "Bolton Council"), storing their codes.
    const councils = await importBoundaryFile(
      t.ctx,
      file('gm_local_authority_generalised.geojson'),
      options,
    );
    expect(councils.lines).toContain('Every feature matched.');
    const report = await importBoundaryFile(t.ctx, file('gm_ward_generalised.geojson'), options);
    expect(report.kind).toBe('wards');
    expect(report.lines).toContain(
      'Matched 215 of 215 to 10 organisation(s): 215 new, 0 updated, 0 removed.',
    );
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const locate = async ([lon, lat]: [number, number]) => {
    const res = await t.app.inject({ url: `/api/v1/locate?lat=${lat}&lon=${lon}` });
    return { status: res.statusCode, body: res.json<Answer>() };
  };

  it.each([
    ['Manchester', 'Salford'],
    ['Bolton', 'Wigan'],
    ['Stockport', 'Tameside'],
  ])('routes points 5 m either side of the %s–%s border to each borough and ward', async (a, b) => {
    const byName = (n: string) => boroughs.find((f) => f.properties.area_name === n);
    const [fa, fb] = [byName(a), byName(b)];
    if (!fa || !fb) throw new Error(`${a} or ${b} is not in the file`);
    const points = borderPoints(fa.geometry, fb.geometry, 5);
    if (!points) throw new Error(`${a} and ${b} share no edge`);
    for (const [point, own] of [
      [points.inA, fa],
      [points.inB, fb],
    ] as const) {
      const { status, body } = await locate(point);
      expect(status).toBe(200);
      expect(body.organisations.map((o) => o.slug)).toEqual([
        own.properties.area_name?.toLowerCase(),
        'tfgm',
      ]);
      // The ward of that borough whose boundary runs along the same edge.
      const expected = wards.filter(
        (w) =>
          w.properties.local_authority_area_code === own.properties.area_code &&
          hasEdge(w.geometry, points.edge),
      );
      expect(expected).toHaveLength(1);
      expect(body.ward).toEqual({
        code: expected[0]?.properties.area_code,
        name: expected[0]?.properties.area_name,
      });
    }
  });

  it.each([
    ['Manchester', 'Trafford'],
    ['Oldham', 'Rochdale'],
  ])('sends a report 5 m either side of the %s–%s border to that borough', async (a, b) => {
    const admin = await actorForUser(
      t.ctx,
      (await createUser(t.ctx, { email: `admin-${a}@gm.example`, name: 'Admin', siteAdmin: true }))
        .id,
      SESSION_SCOPES,
    );
    await defineCategory(t.ctx, admin, { code: 'potholes', name: 'Pothole' });
    await defineCategory(t.ctx, admin, { code: 'bus-shelters', name: 'Bus shelter' });
    for (const borough of boroughs) {
      const slug = borough.properties.area_name?.toLowerCase() ?? '';
      await offerCategory(t.ctx, admin, {
        organisation: slug,
        category: 'potholes',
        sendMethod: 'email',
        destination: `roads@${slug}.example`,
      });
    }
    await offerCategory(t.ctx, admin, {
      organisation: 'tfgm',
      category: 'bus-shelters',
      sendMethod: 'email',
      destination: 'stops@tfgm.example',
    });
    const byName = (n: string) => boroughs.find((f) => f.properties.area_name === n);
    const [fa, fb] = [byName(a), byName(b)];
    if (!fa || !fb) throw new Error(`${a} or ${b} is not in the file`);
    const points = borderPoints(fa.geometry, fb.geometry, 5);
    if (!points) throw new Error(`${a} and ${b} share no edge`);
    const tfgm = await findOrganisation(t.ctx, 'tfgm');
    for (const [[lon, lat], own] of [
      [points.inA, fa],
      [points.inB, fb],
    ] as const) {
      const at = { lat, lon, source: 'web', clientAddress: '192.0.2.50' } as const;
      const pothole = await createReport(t.ctx, admin, {
        ...at,
        category: 'potholes',
        description: 'Deep pothole on the boundary road',
      });
      const body = await findOrganisation(t.ctx, own.properties.area_name?.toLowerCase() ?? '');
      expect(pothole.report.organisation_id).toBe(body?.id);
      expect(
        wards.find((w) => w.properties.area_code === pothole.report.ward_code)?.properties
          .local_authority_area_code,
      ).toBe(own.properties.area_code);
      // Bus shelters are the transport authority's on both sides.
      const shelter = await createReport(t.ctx, admin, {
        ...at,
        category: 'bus-shelters',
        description: 'Shelter glass smashed',
      });
      expect(shelter.report.organisation_id).toBe(tfgm?.id);
    }
  });

  it('tells a point in the Irish Sea it is outside Greater Manchester, and where that is', async () => {
    const { status, body } = await locate([-3.6, 53.7]);
    expect(status).toBe(422);
    expect(body.error.code).toBe('outside_region');
    expect(body.error.message).toMatch(
      /^The point 53\.7, -3\.6 is outside Greater Manchester\. Greater Manchester lies between latitudes 53\.\d{3}°N and 53\.\d{3}°N and longitudes 2\.\d{3}°W and [12]\.\d{3}°W\.$/,
    );
  });

  it('answers for the centre of Manchester', async () => {
    // St Peter's Square.
    const { body } = await locate([-2.2433, 53.4781]);
    expect(body.organisations[0]?.slug).toBe('manchester');
    expect(body.ward?.name).toMatch(/Deansgate|Piccadilly/);
  });
});
