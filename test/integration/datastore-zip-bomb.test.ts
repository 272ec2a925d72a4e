import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';
import { bombSheet, minimalXlsx, sheetXml } from '../helpers/zip.js';

// Zip bombs through .xlsx: what is inflated is counted as it is inflated, whatever the zip's
// central directory declares, and the load stops at the configured limits with a clear report.

const MB = 1024 * 1024;
let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp({ uploadMaxInflatedBytes: 4 * MB, uploadMaxZipEntries: 20 });
  fx = await seedFixture(t.ctx);
});
afterAll(() => t.close());

async function load(content: Buffer) {
  const { body, contentType } = multipartBody(
    {},
    { field: 'file', filename: 'workbook.xlsx', content },
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/datasets/fly-tipping-reports/resources?wait=true',
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ datastore: { load: { status: string; error: string | null } } }>().datastore
    .load;
}

describe('an .xlsx zip bomb', () => {
  it('loads an ordinary small workbook under the limits', async () => {
    expect(await load(minimalXlsx())).toMatchObject({ status: 'succeeded', error: null });
  });

  it('stops a sheet whose central directory lies about its size at the limit', async () => {
    // 48 MB of XML declared as 100 KB: the declared sizes pass every check.
    const result = await load(minimalXlsx({ deflated: bombSheet(48 * MB), declared: 100_000 }));
    expect(result.status).toBe('failed');
    expect(result.error).toBe(
      'The workbook expands to more than 4 MB when unzipped (the limit is 4 MB); it may be a zip bomb',
    );
  });

  it('refuses an honest workbook that expands past the limit before inflating it', async () => {
    const result = await load(minimalXlsx({ deflated: bombSheet(48 * MB), declared: 48 * MB }));
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/would expand to \d+ MB when unzipped, over the limit of 4 MB/);
  });

  it('limits the shared strings, which are held in memory, to a share of the limit', async () => {
    const strings = `<sst>${'<si><t>x</t></si>'.repeat(60_000)}</sst>`; // about 1 MB
    const result = await load(
      minimalXlsx({}, [{ name: 'xl/sharedStrings.xml', content: strings, declared: 1000 }]),
    );
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(
      /part xl\/sharedStrings\.xml expands to more than 512 KB when unzipped/,
    );
  });

  it('refuses a workbook of more parts than allowed', async () => {
    const parts = Array.from({ length: 30 }, (_, i) => ({
      name: `xl/media/image${i}.png`,
      content: 'x',
    }));
    const result = await load(minimalXlsx({ content: sheetXml([['a'], ['1']]) }, parts));
    expect(result.status).toBe('failed');
    expect(result.error).toBe('The workbook has 33 parts, over the limit of 20');
  });
});
