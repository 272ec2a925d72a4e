import { buffer } from 'node:stream/consumers';
import type { Json } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxStream } from './export-xlsx.js';
import type { OutputField } from './sql/query-parts.js';

async function* once(rows: Json[][]): AsyncGenerator<Json[][]> {
  yield await Promise.resolve(rows);
}

async function readBack(columns: OutputField[], rows: Json[][]): Promise<unknown[][]> {
  const bytes = await buffer(xlsxStream(once(rows), columns, new Date(0)));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const out: unknown[][] = [];
  wb.worksheets[0]?.eachRow({ includeEmpty: true }, (row) =>
    out.push((row.values as unknown[]).slice(1)),
  );
  return out;
}

/** Days since Excel's day 0 (1899-12-30). */
const excelSerial = (iso: string) => Date.parse(iso) / 86_400_000 + 25_569;

describe('the XLSX export writer', () => {
  it('writes each type as a spreadsheet reads it, and text XML cannot hold as text it can', async () => {
    const columns = [
      { name: 'n', type: 'integer' },
      { name: 'big', type: 'integer' },
      { name: 'x', type: 'number' },
      { name: 'ok', type: 'boolean' },
      { name: 'day', type: 'date' },
      { name: 'at', type: 'timestamp' },
      { name: 'note <&>', type: 'text' },
    ] as OutputField[];
    const rows = await readBack(columns, [
      [
        1,
        '12345678901234567890',
        2.5,
        true,
        // Dates and times come from the export's SQL as Excel serial numbers.
        excelSerial('2024-02-29T00:00:00Z'),
        excelSerial('2024-03-01T10:30:00Z'),
        'a < b & \u0001c',
      ],
      [null, null, null, false, null, null, 'x'.repeat(40_000)],
    ]);
    expect(rows[0]).toEqual(['n', 'big', 'x', 'ok', 'day', 'at', 'note <&>']);
    expect(rows[1]).toEqual([
      1,
      '12345678901234567890',
      2.5,
      true,
      new Date('2024-02-29T00:00:00Z'),
      new Date('2024-03-01T10:30:00Z'),
      'a < b & c',
    ]);
    expect(rows[2]?.[3]).toBe(false);
    expect(rows[2]?.[0]).toBeUndefined();
    expect(String(rows[2]?.[6])).toHaveLength(32_767);
  });
});
