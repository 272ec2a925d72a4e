import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sqlString } from '../../src/platform/engine/sql.js';
import { fails, ingestHarness, messages, typesOf } from '../helpers/ingest.js';
import { buildZip } from '../helpers/zip.js';

// Reading workbooks, GeoJSON and JSON files, and refusing broken ones clearly.

const { put, ingest, load, rowsOf, all } = ingestHarness();

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
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
    const r = await ingest(await put('wards.xlsx', await data()), 'XLSX', { sheet: 'Wards' });
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
      ingest(file, 'XLSX', { sheet: 'Parks' }),
      /no sheet named "Parks"; its sheets are "Notes", "Wards", "Empty"/,
    );
    await fails(ingest(file, 'XLSX', { sheet: 'Empty' }), /The sheet "Empty" is empty/);
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
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(zeros) }]);
    await fails(load('bomb.xlsx', bomb, 'XLSX'), /zip bomb.*sheet1\.xml expands \d+ times/);
    const liar = buildZip([
      { name: 'xl/workbook.xml', content: Buffer.alloc(10), declared: 0xfffffff0 },
    ]);
    await fails(
      load('liar.xlsx', liar, 'XLSX'),
      /expand to 4\.0 GB when unzipped, over the limit of 1\.0 GB/,
    );
    const notExcel = buildZip([{ name: 'word/document.xml', content: '<w/>' }]);
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
    // More than 15 digits: an identifier, kept as text (issue 11, item 7).
    expect(typesOf(r)).toEqual({
      id: 'text',
      n: 'decimal',
      when: 'date',
      more: 'text',
      ok: 'boolean',
    });
    expect((await rowsOf(r))[0]).toMatchObject({ more: '{"a":[1,2]}' });
    const ids = await all(
      `SELECT CAST(id AS VARCHAR) AS id FROM read_parquet(${sqlString(r.parquetFile)}, file_row_number = true) ORDER BY file_row_number`,
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
