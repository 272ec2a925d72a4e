import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';
import { bearer } from '../helpers/fixture.js';

let t: TestApp;
let fx: Fixture;
let id = '';

// Cells a spreadsheet would run as formulas (OWASP's CSV injection): = + - @, tab, return.
const CSV = [
  'label,amount,note',
  '=1+2,-5,plain',
  '+SUM(A1),10,"=HYPERLINK(""http://evil.example"",""click"")"',
  '-2+3,-7.5,@cmd',
  '@SUM(1),0,"\tlead tab"',
  'safe,3,"\rlead return"',
].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  const { body, contentType } = multipartBody(
    {},
    { field: 'file', filename: 'formulas.csv', content: `${CSV}\n` },
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/datasets/fly-tipping-reports/resources?wait=true',
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  id = res.json<{ id: string }>().id;
});
afterAll(() => t.close());

const DEFUSED = [
  ["'=1+2", -5, 'plain'],
  ["'+SUM(A1)", 10, `'=HYPERLINK("http://evil.example","click")`],
  ["'-2+3", -7.5, "'@cmd"],
  ["'@SUM(1)", 0, "'\tlead tab"],
  ['safe', 3, "'\rlead return"],
];

describe('spreadsheet exports defuse formulas (OWASP CSV injection)', () => {
  it('prefixes text cells that start with = + - @ tab or return with a quote in CSV', async () => {
    const res = await t.app.inject(`/api/v1/resources/${id}/export.csv`);
    expect(res.statusCode).toBe(200);
    const lines = res.body.trimEnd().split('\n');
    expect(lines[0]).toBe('label,amount,note');
    expect(lines[1]).toBe("'=1+2,-5.0,plain");
    expect(lines[2]).toBe(`'+SUM(A1),10.0,"'=HYPERLINK(""http://evil.example"",""click"")"`);
    // Negative numbers in a number column are numbers, not formulas: left as they are.
    expect(lines[3]).toBe("'-2+3,-7.5,'@cmd");
  });

  it('does the same in XLSX, where numbers stay numbers', async () => {
    const res = await t.app.inject(`/api/v1/resources/${id}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]?.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    // XML reads a carriage return back as a line feed.
    const lf = (rows: unknown[][]) =>
      rows.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/\r/g, '\n') : v)));
    expect(lf(rows)).toEqual(lf(DEFUSED));
  });

  it('leaves JSON exports and the query API untouched', async () => {
    const json = await t.app.inject(`/api/v1/resources/${id}/export.json`);
    expect(json.json<{ label: string }[]>().map((r) => r.label)).toEqual([
      '=1+2',
      '+SUM(A1)',
      '-2+3',
      '@SUM(1)',
      'safe',
    ]);
  });
});
