import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ingestHarness, messages, typesOf } from '../helpers/ingest.js';

// Values a load must keep as the file gave them: codes with leading zeros, long identifiers,
// and short rows (padded, not dropped).

const { load, rowsOf } = ingestHarness();

/** A CSV of `n` rows made by `row(i)` (1-based), under `header`. */
const csv = (header: string, n: number, row: (i: number) => string) =>
  [header, ...Array.from({ length: n }, (_, k) => row(k + 1)), ''].join('\n');

describe('leading zeros and long numbers', () => {
  it('keeps codes with leading zeros as text, exactly, and says why', async () => {
    const r = await load(
      'codes.csv',
      csv('id,postcode_district,phone,ward', 4, (i) =>
        [
          i,
          ['08123', '8124', '08125', '9126'][i - 1],
          ['0161 234 5678', '0161 234 5679', '0161 234 5680', '0161 234 5681'][i - 1],
          ['E05000650', '5000651', 'E05000652', '5000653'][i - 1],
        ].join(','),
      ),
      'CSV',
    );
    expect(typesOf(r)).toEqual({
      id: 'integer',
      postcode_district: 'text',
      phone: 'text',
      ward: 'text',
    });
    expect((await rowsOf(r)).map((row) => row.postcode_district)).toEqual([
      '08123',
      '8124',
      '08125',
      '9126',
    ]);
    expect(r.warnings).toContainEqual({
      field: 'postcode_district',
      message: 'kept as text: values like 08123 have leading zeros',
    });
  });

  it('keeps a column text when a leading zero comes far past the first rows', async () => {
    const r = await load(
      'late-zero.csv',
      csv('id,code', 60_000, (i) => `${i},${i === 59_000 ? '0042' : 1000 + (i % 500)}`),
      'CSV',
    );
    expect(typesOf(r)).toEqual({ id: 'integer', code: 'text' });
    const rows = await rowsOf(r);
    expect(rows[58_999]?.code).toBe('0042');
    expect(rows[0]?.code).toBe('1001');
    expect(messages(r)).toContain('kept as text: values like 0042 have leading zeros');
  });

  it('keeps identifiers of more than 15 significant digits as text', async () => {
    const r = await load(
      'ids.csv',
      csv(
        'uprn,amount',
        3,
        (i) => `${['10070123456789012', '10070123456789013', '42'][i - 1]},${i}`,
      ),
      'CSV',
    );
    expect(typesOf(r)).toEqual({ uprn: 'text', amount: 'integer' });
    expect((await rowsOf(r))[0]?.uprn).toBe('10070123456789012');
    expect(messages(r)).toContain(
      'kept as text: values like 10070123456789012 have more than 15 significant digits',
    );
  });

  it('still reads zero, minus zero and decimals below one as numbers', async () => {
    const r = await load(
      'zeros.csv',
      csv('n,d,big', 4, (i) =>
        [['0', '-0', '7', '10'][i - 1], ['0.5', '-0.5', '0', '.25'][i - 1], '123456789012345'].join(
          ',',
        ),
      ),
      'CSV',
    );
    expect(typesOf(r)).toEqual({ n: 'integer', d: 'decimal', big: 'integer' });
    expect(r.warnings).toEqual([]);
  });

  it('keeps a text cell with leading zeros in a workbook as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Codes');
    ws.addRow(['code', 'count']);
    ws.addRow(['08123', 1]);
    ws.addRow(['8124', 2]);
    const r = await load('codes.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 'XLSX');
    expect(typesOf(r)).toEqual({ code: 'text', count: 'integer' });
    expect((await rowsOf(r)).map((row) => row.code)).toEqual(['08123', '8124']);
    expect(messages(r)).toContain('kept as text: values like 08123 have leading zeros');
  });
});

describe('short rows', () => {
  it('pads a short row far down the file with empty values and counts it', async () => {
    const r = await load(
      'short-late.csv',
      csv('id,name,n', 20_000, (i) =>
        i === 15_000 || i === 15_001 ? `${i},short` : `${i},x,${i}`,
      ),
      'CSV',
    );
    expect(r.rows).toBe(20_000);
    const rows = await rowsOf(r);
    expect(rows[14_999]).toEqual({ id: 15_000, name: 'short', n: null });
    expect(messages(r)).toContain(
      '2 rows had fewer fields than the header; padded with empty values',
    );
  });

  it('pads short rows next to a long one and a quoted line break, and reports both', async () => {
    const r = await load(
      'ragged-mix.csv',
      csv('id,note,n', 20_000, (i) =>
        i === 12_000
          ? `${i},"two\nlines",1`
          : i === 14_000
            ? `${i}`
            : i === 16_000
              ? `${i},long,1,2`
              : `${i},x,${i}`,
      ),
      'CSV',
    );
    expect(r.rows).toBe(19_999);
    const rows = await rowsOf(r);
    expect(rows.find((row) => row.id === 14_000)).toEqual({ id: 14_000, note: null, n: null });
    expect(rows.find((row) => row.id === 12_000)?.note).toBe('two\nlines');
    expect(messages(r)).toEqual(
      expect.arrayContaining([
        '1 row had fewer fields than the header; padded with empty values',
        expect.stringMatching(/^line \d+ skipped: too many columns$/),
      ]),
    );
  });
});
