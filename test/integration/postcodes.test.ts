import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPostcodes, lookupPostcode, seedPostcodes } from '../../src/features/places/index.js';
import { saveRegion } from '../../src/features/region/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createTestContext } from '../helpers/context.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

// The postcode directory end to end on whichever database DATABASE_URL names: the importer
// reads real-layout files the test writes, and the API answers from what it stored.

const ONSPD_HEADER =
  '"pcd","pcd2","pcds","dointr","doterm","oscty","ced","oslaua","osward","parish","usertype",' +
  '"oseast1m","osnrth1m","osgrdind","lat","long"';

/** An ONSPD line with the columns above. */
const onspd = (pcds: string, lat: number, long: number, la: string, ward: string, doterm = '') =>
  `"${pcds.replace(' ', '  ')}","${pcds}","${pcds}","198001","${doterm}","E99999999",` +
  `"E99999999","${la}","${ward}","E43000157","0","384740","398047","1",${lat.toFixed(6)},${long.toFixed(6)}`;

/** A Code-Point Open line (no header, ten columns). */
const cpo = (pc: string, e: number, n: number, la: string, ward: string, quality = 10) =>
  `"${pc}",${quality},${e},${n},"E92000001","E19000001","E18000002","","${la}","${ward}"`;

let t: TestApp;
let fixture: Fixture;
const file = (name: string) => path.join(t.ctx.config.dataDir, name);
const write = async (name: string, lines: string[]) => {
  await writeFile(file(name), lines.join('\r\n') + '\r\n');
  return file(name);
};
const get = (postcode: string) =>
  t.app.inject({ url: `/api/v1/postcodes/${encodeURIComponent(postcode)}` });
const count = async () =>
  (
    await t.ctx.db.kysely
      .selectFrom('postcodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  t = await createTestApp();
  fixture = await seedFixture(t.ctx);
});
afterAll(() => t.close());

describe('importing an ONS Postcode Directory file', () => {
  it('imports the placed postcodes, counts those without a grid reference, and serves them', async () => {
    const f = await write('onspd.csv', [
      ONSPD_HEADER,
      onspd('M1 1AE', 53.478923, -2.231401, 'E08000003', 'E05011368'),
      onspd('M60 1AA', 53.4794, -2.2453, 'E08000003', 'E05011369', '200512'),
      onspd('ZZ99 1ZZ', 99.999999, 0, 'E99999999', ''),
      onspd('BT1 1AA', 54.598, -5.9301, 'N09000003', 'N08000312'),
      onspd('ZZ99 2ZZ', 99.999999, 0, 'E99999999', ''),
      onspd('NOT A CODE', 53.4, -2.2, 'E08000003', ''),
    ]);
    const report = await importPostcodes(t.ctx, f);
    expect(report).toMatchObject({ source: 'ONSPD', imported: 3, total: 3 });
    expect(report.skipped).toEqual([
      { reason: 'no grid reference', count: 2, lines: [4, 6] },
      { reason: 'not a UK postcode', count: 1, lines: [7] },
    ]);

    const res = await get('m11ae');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      postcode: 'M1 1AE',
      latitude: 53.478923,
      longitude: -2.231401,
      local_authority_code: 'E08000003',
      ward_code: 'E05011368',
      terminated: false,
      source: 'ONSPD',
    });
    expect((await get('M60 1AA')).json()).toMatchObject({ terminated: true });
  });

  it('reads the newer directories whose district and ward columns are named by year', async () => {
    const f = await write('onspd-2025.csv', [
      'pcd7,pcd8,pcds,dointr,doterm,lad25cd,wd25cd,lat,long',
      'WN1 1AA,WN1  1AA,WN1 1AA,198001,,E08000010,E05000841,53.5450,-2.6320',
    ]);
    await importPostcodes(t.ctx, f);
    expect((await get('WN1 1AA')).json()).toMatchObject({
      local_authority_code: 'E08000010',
      ward_code: 'E05000841',
    });
  });
});

describe('importing an OS Code-Point Open file', () => {
  it('converts the grid references to WGS 84 and keeps the district and ward codes', async () => {
    const f = await write('SW_cpo.csv', [
      cpo('SW1A1AA', 529090, 179645, 'E09000033', 'E05013806'),
      cpo('SW1A2AA', 0, 0, '', '', 90),
      cpo('SW1A 2AB', 529980, 180080, 'E09000033', 'E05013806'),
    ]);
    const report = await importPostcodes(t.ctx, f);
    expect(report).toMatchObject({ source: 'Code-Point Open', imported: 2 });
    expect(report.skipped).toEqual([{ reason: 'no grid reference', count: 1, lines: [2] }]);
    const p = (await get('SW1A 1AA')).json<{ latitude: number; longitude: number }>();
    // Where the ONS Postcode Directory puts it (51.501009, -0.141588): within a few metres.
    expect(Math.abs(p.latitude - 51.501009)).toBeLessThan(0.00005);
    expect(Math.abs(p.longitude + 0.141588)).toBeLessThan(0.00008);
    expect((await get('sw1a 1aa')).json()).toMatchObject({
      local_authority_code: 'E09000033',
      ward_code: 'E05013806',
      terminated: false,
      source: 'Code-Point Open',
    });
  });
});

describe('re-importing', () => {
  it('updates postcodes already there and keeps the others; --replace empties first', async () => {
    const before = await count();
    const f = await write('update.csv', [
      ONSPD_HEADER,
      onspd('M1 1AE', 53.4791, -2.2316, 'E08000003', 'E05099999'),
    ]);
    await importPostcodes(t.ctx, f);
    expect(await count()).toBe(before);
    expect((await get('M1 1AE')).json()).toMatchObject({
      latitude: 53.4791,
      ward_code: 'E05099999',
    });

    const report = await importPostcodes(t.ctx, f, { replace: true });
    expect(report.total).toBe(1);
    expect((await get('M1 1AE')).statusCode).toBe(200);
    expect((await get('SW1A 1AA')).statusCode).toBe(404);
  });

  it('keeps the later of two lines for one postcode, and says so', async () => {
    const f = await write('twice.csv', [
      ONSPD_HEADER,
      onspd('M2 2BB', 53.48, -2.24, 'E08000003', 'E05011368'),
      onspd('M2  2BB', 53.481, -2.241, 'E08000003', 'E05011368'),
    ]);
    const report = await importPostcodes(t.ctx, f);
    expect(report.skipped).toEqual([
      { reason: 'repeated postcode (the later line kept)', count: 1, lines: [3] },
    ]);
    expect((await get('M2 2BB')).json()).toMatchObject({ latitude: 53.481 });
  });
});

describe("the demo's synthetic postcodes", () => {
  it('are removed by the first real import, never mixed with real ones', async () => {
    const ctx = await createTestContext();
    try {
      const synthetic = {
        latitude: 53.45,
        longitude: -2.23,
        local_authority_code: 'E08000003',
        ward_code: null,
        terminated: false,
        source: 'synthetic (demo)' as const,
      };
      expect(
        await seedPostcodes(ctx, [
          { ...synthetic, postcode: 'M1 1AA' },
          { ...synthetic, postcode: 'M1 2AB' },
        ]),
      ).toBe(2);
      const f = path.join(ctx.config.dataDir, 'real.csv');
      await writeFile(
        f,
        [ONSPD_HEADER, onspd('BL1 1AA', 53.578, -2.429, 'E08000001', '')].join('\n'),
      );
      const report = await importPostcodes(ctx, f);
      expect(report).toMatchObject({ imported: 1, total: 1, syntheticRemoved: 2 });
      await expect(lookupPostcode(ctx, 'M1 1AA')).rejects.toMatchObject({ kind: 'not_found' });
      // And the demo seed adds none to a directory that has real postcodes.
      expect(await seedPostcodes(ctx, [{ ...synthetic, postcode: 'M1 1AA' }])).toBe(0);
    } finally {
      await ctx.cleanup();
    }
  });
});

describe('a file that cannot be imported', () => {
  it('refuses a file in neither layout, naming both', async () => {
    const f = await write('other.csv', ['name,latitude,longitude', 'Town Hall,53.47,-2.24']);
    await expect(importPostcodes(t.ctx, f)).rejects.toThrow(
      /neither an ONS Postcode Directory nor an OS Code-Point Open file.*pcds.*lat and long/,
    );
    await expect(importPostcodes(t.ctx, await write('empty.csv', []))).rejects.toThrow(
      /neither|empty/,
    );
  });

  it('changes nothing when the file is damaged after thousands of good rows', async () => {
    const before = await count();
    const lines = [ONSPD_HEADER];
    // 2,500 distinct postcodes: two batches are written before the damaged line is read.
    const L = 'ABDEFGHJLNPQRSTUWXYZ';
    for (let i = 0; i < 2500; i++) {
      const inward = `${i % 10}${L[Math.floor(i / 10) % 20] ?? 'A'}${L[Math.floor(i / 200)] ?? 'A'}`;
      lines.push(onspd(`OL1 ${inward}`, 53.54, -2.11, 'E08000004', ''));
    }
    lines.push('"OL9 9ZZ","OL9 9ZZ","OL9 9ZZ","1980'); // cut off mid-line
    const f = await write('cut.csv', lines);
    await expect(importPostcodes(t.ctx, f, { replace: true })).rejects.toThrow(
      /damaged at line 2502.*Nothing was imported/,
    );
    expect(await count()).toBe(before);
    expect((await get('M1 1AE')).statusCode).toBe(200);
  });
});

describe('--within-region', () => {
  it("keeps only postcodes inside the region boundary's bounding box", async () => {
    const at = new Date().toISOString();
    await saveRegion(t.ctx, {
      id: 'region-1',
      slug: 'greater-manchester',
      name: 'Greater Manchester',
      boundary: JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [-2.75, 53.3],
            [-1.9, 53.3],
            [-1.9, 53.7],
            [-2.75, 53.7],
            [-2.75, 53.3],
          ],
        ],
      }),
      settings: '{}',
      created_at: at,
      updated_at: at,
    });
    const f = await write('mixed.csv', [
      ONSPD_HEADER,
      onspd('BL1 1AA', 53.578, -2.429, 'E08000001', ''),
      onspd('EH1 1AA', 55.953, -3.189, 'S12000036', ''),
    ]);
    const report = await importPostcodes(t.ctx, f, { withinRegion: true });
    expect(report.imported).toBe(1);
    expect(report.skipped).toEqual([
      { reason: "outside the region's bounding box", count: 1, lines: [3] },
    ]);
    expect((await get('BL1 1AA')).statusCode).toBe(200);
    expect((await get('EH1 1AA')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/postcodes/{postcode}', () => {
  it('answers anyone, signed in or not, in any spacing and case', async () => {
    await lookupPostcode(t.ctx, 'M1 1AE');
    for (const typed of ['M1 1AE', 'm1 1ae', 'M11AE', '  m1   1AE ']) {
      const res = await get(typed);
      expect(res.statusCode, typed).toBe(200);
      expect(res.json<{ postcode: string }>().postcode).toBe('M1 1AE');
    }
    const withToken = await t.app.inject({
      url: '/api/v1/postcodes/M11AE',
      headers: bearer(fixture.tokens.member),
    });
    expect(withToken.statusCode).toBe(200);
  });

  it('answers 400 naming postcode for something not shaped like one', async () => {
    for (const typed of ['hello', 'M1', '12345', "M1 1AE' OR 1=1"]) {
      const res = await get(typed);
      expect(res.statusCode, typed).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'invalid_request', details: [{ field: 'postcode' }] },
      });
    }
  });

  it('answers 404 for a well-formed postcode the directory does not have', async () => {
    const res = await get('ZZ9 9ZZ');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(res.json<{ error: { message: string } }>().error.message).toContain('ZZ9 9ZZ');
  });
});
