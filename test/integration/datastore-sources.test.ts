import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, type IngestResult } from '../../src/features/datastore/ingest.js';
import { sqlString } from '../../src/platform/engine/sql.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let n = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  await mkdir(ctx.config.blobDir, { recursive: true });
});
afterAll(() => ctx.cleanup());

async function put(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(ctx.config.blobDir, `${++n}-${name}`);
  await writeFile(file, content);
  return file;
}

const ingest = (file: string, format: string, sheet?: string) =>
  ingestFile({
    engine: ctx.engine,
    file,
    format,
    sheet,
    workDir: path.join(ctx.engine.tempDir, `w${++n}`),
  });

const load = async (name: string, content: string | Buffer, format: string) =>
  ingest(await put(name, content), format);

const typesOf = (r: IngestResult) => Object.fromEntries(r.fields.map((f) => [f.name, f.type]));
const formatsOf = (r: IngestResult) =>
  Object.fromEntries(r.fields.filter((f) => f.format).map((f) => [f.name, f.format]));
/** The loaded rows, integers as numbers (DuckDB hands BIGINT back as text). */
async function rowsOf(r: IngestResult): Promise<Record<string, unknown>[]> {
  const integers = r.fields.filter((f) => f.type === 'integer').map((f) => f.name);
  const rows = await ctx.engine.all(
    `SELECT * EXCLUDE (_id) FROM read_parquet(${sqlString(r.parquetFile)}) ORDER BY _id`,
  );
  return rows.map((row) => {
    for (const name of integers) if (typeof row[name] === 'string') row[name] = Number(row[name]);
    return row;
  });
}
const messages = (r: IngestResult) => r.warnings.map((w) => w.message);

/** Rejects with an error whose message matches. */
const fails = (p: Promise<unknown>, message: RegExp) => expect(p).rejects.toThrow(message);

describe('CSV', () => {
  it('infers integers, decimals, dates, booleans, £, % and thousands', async () => {
    const r = await load(
      'types.csv',
      'id,amount,price,share,ratio,when,uk,flag,name\n' +
        '1,"1,234",£3.50,12%,0.5,2024-01-31,31/01/2024,yes,Bolton\n' +
        '2,"12,000",£10,7.5%,1.25,2024-02-29,29/02/2024,no,Wigan\n',
      'CSV',
    );
    expect(r.rows).toBe(2);
    expect(typesOf(r)).toEqual({
      id: 'integer',
      amount: 'integer',
      price: 'decimal',
      share: 'decimal',
      ratio: 'decimal',
      when: 'date',
      uk: 'date',
      flag: 'boolean',
      name: 'text',
    });
    expect(formatsOf(r)).toEqual({
      amount: 'thousands',
      price: 'currency-gbp',
      share: 'percent',
      uk: 'uk-date',
    });
    expect((await rowsOf(r))[1]).toMatchObject({ amount: 12000, price: 10, uk: '2024-02-29' });
  });

  it('trims text and empties blanks, column by column, and keeps text chosen over a type', async () => {
    const nbsp = '\u00a0';
    const csv =
      'id,tidy,padded,blank,uk\n' +
      `1,a b,  left,"",01/02/2024\n` +
      `2,c,right${nbsp},x,02/02/2024\n` +
      `3,,"   ",y,03/02/2024\n`;
    const file = await put('trim.csv', csv);
    const r = await ingestFile({
      engine: ctx.engine,
      file,
      format: 'CSV',
      types: { uk: 'text' },
      workDir: path.join(ctx.engine.tempDir, `w${++n}`),
    });
    expect(typesOf(r)).toMatchObject({ tidy: 'text', padded: 'text', blank: 'text', uk: 'text' });
    expect(await rowsOf(r)).toEqual([
      { id: 1, tidy: 'a b', padded: 'left', blank: null, uk: '01/02/2024' },
      { id: 2, tidy: 'c', padded: 'right', blank: 'x', uk: '02/02/2024' },
      { id: 3, tidy: null, padded: null, blank: 'y', uk: '03/02/2024' },
    ]);
    const stats = Object.fromEntries(r.fields.map((f) => [f.name, f.stats]));
    expect(stats.padded).toMatchObject({ nulls: 1, min: 'left', max: 'right' });
    expect(stats.uk).toMatchObject({ nulls: 0, min: '01/02/2024', max: '03/02/2024' });
    expect(stats.tidy?.samples).toEqual(['a b', 'c']);
  });

  it('reads Windows-1252, UTF-16LE with a BOM and UTF-8 with a BOM', async () => {
    const text = 'name,price\nCafé Nero,£5\nMärkt,£7\n';
    const cases: [string, Buffer, string][] = [
      ['cp1252.csv', Buffer.from(text, 'latin1'), 'windows-1252'],
      [
        'utf16.csv',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
        'utf-16le',
      ],
      [
        'bom.csv',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
        'utf-8 (with BOM)',
      ],
    ];
    for (const [name, bytes, encoding] of cases) {
      const r = await load(name, bytes, 'CSV');
      expect(r.encoding).toBe(encoding);
      expect(typesOf(r)).toEqual({ name: 'text', price: 'decimal' });
      expect(await rowsOf(r)).toEqual([
        { name: 'Café Nero', price: 5 },
        { name: 'Märkt', price: 7 },
      ]);
    }
  });

  it('names blank and repeated headers itself and says so', async () => {
    const r = await load('dupes.csv', 'ward,Ward,,count,_id\nA,B,C,1,x\nD,E\n', 'CSV');
    expect(r.fields.map((f) => f.name)).toEqual(['ward', 'Ward_2', 'column_3', 'count', '_id_2']);
    expect(messages(r)).toEqual(
      expect.arrayContaining([
        'column 2 "Ward" repeats an earlier name: called "Ward_2"',
        'column 3 has no name: called "column_3"',
        'column 5 "_id" is a name the datastore keeps for itself: called "_id_2"',
        'line 3 has 2 of the 5 columns: the rest left empty',
      ]),
    );
    expect(r.warnings.filter((w) => w.message.includes('was renamed'))).toEqual([]);
  });

  it('reads semicolons, tabs, and quoted line breaks next to short rows', async () => {
    const semi = await load('semi.csv', 'a;b;c\n1;2;3\n4;5;6\n', 'CSV');
    expect(typesOf(semi)).toEqual({ a: 'integer', b: 'integer', c: 'integer' });
    const tsv = await load('t.tsv', 'a\tb\n1\tx y\n', 'TSV');
    expect(await rowsOf(tsv)).toEqual([{ a: 1, b: 'x y' }]);
    const quoted = await load('q.csv', 'id,note,n\n1,"two\nlines",3\n2\n3,plain,4\n', 'CSV');
    expect(quoted.rows).toBe(3);
    expect((await rowsOf(quoted))[0]).toEqual({ id: 1, note: 'two\nlines', n: 3 });
  });

  it('refuses empty, header-only and binary files clearly', async () => {
    await fails(load('empty.csv', '', 'CSV'), /^The file is empty$/);
    await fails(load('header.csv', 'a,b,c\n', 'CSV'), /header but no rows/);
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await fails(load('image.csv', binary, 'CSV'), /not text/);
  });
});

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip by hand: one entry, optionally lying about its sizes in the central directory. */
function zip(name: string, data: Buffer, size: number, declared = size): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + fileName.length, 12);
  end.writeUInt32LE(30 + fileName.length + data.length, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

describe('XLSX', () => {
  const data = () =>
    workbook((wb) => {
      const notes = wb.addWorksheet('Notes');
      notes.addRow(['About this data']);
      notes.addRow(['Made for a test']);
      const ws = wb.addWorksheet('Wards');
      ws.addRow(['id', 'ward', 'amount', 'opened', 'checked', 'open', 'double', 'label', 'ward']);
      ws.addRow([
        1,
        'Bolton',
        2.5,
        new Date(Date.UTC(2024, 0, 31)),
        new Date(Date.UTC(2024, 0, 31, 9, 30)),
        true,
        { formula: 'A2*2', result: 2 },
        { richText: [{ text: 'Bold' }, { text: ' text' }] },
        'x',
      ]);
      ws.addRow([
        2,
        'Wigan',
        3,
        new Date(Date.UTC(2023, 11, 1)),
        new Date(Date.UTC(2023, 11, 1, 17, 0, 5)),
        false,
        { formula: 'A3*2', result: 4 },
        'plain',
        'y',
      ]);
      ws.getColumn(5).numFmt = 'yyyy-mm-dd hh:mm:ss';
      wb.addWorksheet('Empty');
    });

  it('loads a named sheet with types, formulas as results and rich text as text', async () => {
    const r = await ingest(await put('wards.xlsx', await data()), 'XLSX', 'Wards');
    expect(r.rows).toBe(2);
    expect(typesOf(r)).toEqual({
      id: 'integer',
      ward: 'text',
      amount: 'decimal',
      opened: 'date',
      checked: 'timestamp',
      open: 'boolean',
      double: 'integer',
      label: 'text',
      ward_2: 'text',
    });
    expect(messages(r)).toContain('column 9 "ward" repeats an earlier name: called "ward_2"');
    expect((await rowsOf(r))[0]).toMatchObject({
      opened: '2024-01-31',
      checked: '2024-01-31 09:30:00',
      double: 2,
      label: 'Bold text',
    });
  });

  it('takes the first sheet by default and names the sheets when one is missing', async () => {
    const file = await put('first.xlsx', await data());
    const r = await ingest(file, 'XLSX');
    expect(r.fields.map((f) => f.name)).toEqual(['About this data']);
    await fails(
      ingest(file, 'XLSX', 'Parks'),
      /no sheet named "Parks"; its sheets are "Notes", "Wards", "Empty"/,
    );
    await fails(ingest(file, 'XLSX', 'Empty'), /The sheet "Empty" is empty/);
  });

  it('refuses bad workbooks clearly', async () => {
    const whole = await data();
    await fails(
      load('cut.xlsx', whole.subarray(0, whole.length >> 1), 'XLSX'),
      /not a valid Excel \.xlsx workbook/,
    );
    await fails(load('text.xlsx', 'a,b\n1,2\n', 'XLSX'), /not a valid Excel \.xlsx workbook/);
    await fails(load('empty.xlsx', '', 'XLSX'), /^The file is empty$/);
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    await fails(
      load('old.xlsx', ole, 'XLSX'),
      /old-style Excel \.xls.*save it as \.xlsx .* or CSV/,
    );
    await fails(load('old.xls', ole, 'XLS'), /save it as \.xlsx/);
    const zeros = 20 * 1024 * 1024;
    const bomb = zip('xl/worksheets/sheet1.xml', deflateRawSync(Buffer.alloc(zeros)), zeros);
    await fails(load('bomb.xlsx', bomb, 'XLSX'), /zip bomb.*sheet1\.xml expands \d+ times/);
    const liar = zip('xl/workbook.xml', deflateRawSync(Buffer.alloc(10)), 10, 0xfffffff0);
    await fails(
      load('liar.xlsx', liar, 'XLSX'),
      /expand to 4\.0 GB when unzipped, over the limit of 1\.0 GB/,
    );
    const notExcel = zip('word/document.xml', deflateRawSync(Buffer.from('<w/>')), 4);
    await fails(load('doc.xlsx', notExcel, 'XLSX'), /zip file, but not an Excel workbook/);
  });
});

const feature = (geometry: unknown, properties: unknown) => ({
  type: 'Feature',
  geometry,
  properties,
});

describe('GeoJSON', () => {
  it('gives each feature its properties, geometry and bounding box', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        feature(
          { type: 'Point', coordinates: [-2.43, 53.58] },
          {
            name: 'Bolton',
            population: 196000,
            area: 1.5,
            opened: '2024-01-31',
            tags: ['a', 'b'],
            geometry: 'x',
            _minx: 1,
          },
        ),
        feature(
          {
            type: 'Polygon',
            coordinates: [
              [
                [-2.7, 53.5],
                [-2.6, 53.5],
                [-2.6, 53.6],
                [-2.7, 53.5],
              ],
            ],
          },
          { name: 'Wigan', population: 330000, area: 2, opened: '2023-12-01', meta: { ok: true } },
        ),
        feature(null, { name: 'Nowhere' }),
        feature(
          {
            type: 'GeometryCollection',
            geometries: [
              { type: 'Point', coordinates: [-2.1, 53.4] },
              {
                type: 'LineString',
                coordinates: [
                  [-2.3, 53.3],
                  [-2.2, 53.35],
                ],
              },
            ],
          },
          null,
        ),
      ],
    };
    const r = await load('wards.geojson', JSON.stringify(collection), 'GEOJSON');
    expect(r.rows).toBe(4);
    expect(r.geometry).toEqual({ kind: 'geojson', field: 'geometry' });
    expect(typesOf(r)).toEqual({
      name: 'text',
      population: 'integer',
      area: 'decimal',
      opened: 'date',
      tags: 'text',
      geometry_2: 'text',
      _minx_2: 'integer',
      meta: 'text',
      geometry: 'text',
    });
    expect(messages(r)).toEqual([
      'column 6 "geometry" is a name the datastore keeps for itself: called "geometry_2"',
      'column 7 "_minx" is a name the datastore keeps for itself: called "_minx_2"',
    ]);
    const rows = await rowsOf(r);
    expect(rows[0]).toMatchObject({ tags: '["a","b"]', _minx: -2.43, _maxy: 53.58 });
    expect(JSON.parse(String(rows[0]?.geometry))).toEqual({
      type: 'Point',
      coordinates: [-2.43, 53.58],
    });
    expect(rows[1]).toMatchObject({
      meta: '{"ok":true}',
      _minx: -2.7,
      _miny: 53.5,
      _maxx: -2.6,
      _maxy: 53.6,
    });
    expect(rows[2]).toMatchObject({ geometry: null, _minx: null });
    expect(rows[3]).toMatchObject({ _minx: -2.3, _miny: 53.3, _maxx: -2.1, _maxy: 53.4 });
  });

  it('loads a lone Feature', async () => {
    const r = await load(
      'one.geojson',
      JSON.stringify(feature({ type: 'Point', coordinates: [0, 51.5] }, { n: 1 })),
      'GEOJSON',
    );
    expect(r.rows).toBe(1);
  });

  it('refuses what is not GeoJSON in WGS 84, naming the feature', async () => {
    const bng = {
      type: 'FeatureCollection',
      features: [
        feature({ type: 'Point', coordinates: [-2, 53] }, {}),
        feature({ type: 'Point', coordinates: [371000, 409000] }, {}),
      ],
    };
    await fails(
      load('bng.geojson', JSON.stringify(bng), 'GEOJSON'),
      /Feature 2: the position \[371000, 409000\] is not a longitude and latitude/,
    );
    await fails(
      load('bad.geojson', '{"type": "FeatureCollection", "features": [{"type": ', 'GEOJSON'),
      /not valid JSON/,
    );
    await fails(
      load('arr.geojson', '[1, 2]', 'GEOJSON'),
      /JSON array, not a GeoJSON FeatureCollection/,
    );
    await fails(
      load('geom.geojson', '{"type": "Point", "coordinates": [0, 0]}', 'GEOJSON'),
      /bare GeoJSON Point/,
    );
    await fails(
      load(
        'nf.geojson',
        '{"type": "FeatureCollection", "features": [{"type": "Point"}]}',
        'GEOJSON',
      ),
      /Feature 1 is not a GeoJSON Feature/,
    );
    const words = {
      type: 'FeatureCollection',
      features: [feature({ type: 'Point', coordinates: ['a', 'b'] }, {})],
    };
    await fails(
      load('words.geojson', JSON.stringify(words), 'GEOJSON'),
      /Feature 1: its Point has a position that is not a pair of numbers/,
    );
    await fails(load('empty.geojson', '', 'GEOJSON'), /^The file is empty$/);
  });
});

describe('JSON and NDJSON', () => {
  it('loads records, with nested values as JSON text and long ids kept whole', async () => {
    const json =
      '[{"id": 12345678901234567, "n": 1, "when": "2024-01-31", "more": {"a": [1, 2]}}, {"id": 12345678901234568, "n": 2.5, "ok": true}]';
    const r = await load('records.json', json, 'JSON');
    expect(r.rows).toBe(2);
    expect(typesOf(r)).toEqual({
      id: 'integer',
      n: 'decimal',
      when: 'date',
      more: 'text',
      ok: 'boolean',
    });
    expect((await rowsOf(r))[0]).toMatchObject({ more: '{"a":[1,2]}' });
    const ids = await ctx.engine.all(
      `SELECT CAST(id AS VARCHAR) AS id FROM read_parquet(${sqlString(r.parquetFile)}) ORDER BY _id`,
    );
    expect(ids).toEqual([{ id: '12345678901234567' }, { id: '12345678901234568' }]);
    const nd = await load(
      'records.ndjson',
      '{"a": 1, "b": "x"}\n\n{"a": 2, "b": "y", "c": null}\n',
      'NDJSON',
    );
    expect(nd.rows).toBe(2);
    expect(typesOf(nd)).toEqual({ a: 'integer', b: 'text', c: 'text' });
  });

  it('refuses bad JSON clearly', async () => {
    await fails(load('e.json', '', 'JSON'), /^The file is empty$/);
    await fails(
      load('bad.json', '[{"a": 1}, {"a": }]', 'JSON'),
      /not valid JSON: record 2 cannot be read/,
    );
    await fails(load('cut.json', '[{"a": 1}, {"a": 2', 'JSON'), /ends before the JSON does/);
    await fails(load('nums.json', '[1, 2, 3]', 'JSON'), /Record 1 is not a JSON object/);
    await fails(load('obj.json', '{"a": 1}', 'JSON'), /one JSON object, not an array of records/);
    await fails(
      load('geo.json', '{"type": "FeatureCollection", "features": []}', 'JSON'),
      /upload it as GeoJSON/,
    );
    await fails(load('none.json', '[]', 'JSON'), /no records/);
    await fails(
      load('bad.ndjson', '{"a": 1}\n{"a": 2}\n{"a": \n', 'NDJSON'),
      /^Line 3 is not valid JSON/,
    );
    await fails(load('arr.ndjson', '{"a": 1}\n[1, 2]\n', 'NDJSON'), /Line 2 is not a JSON object/);
    await fails(load('blank.ndjson', '\n\n', 'NDJSON'), /^The file is empty$/);
  });
});
