import { describe, expect, it } from 'vitest';
import { fails, formatsOf, ingestHarness, messages, typesOf } from '../helpers/ingest.js';

// Reading CSV files: types over every value, encodings, headers, dialects, broken files.

const { put, ingest, load, rowsOf } = ingestHarness();

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
    const r = await ingest(file, 'CSV', { types: { uk: 'text' } });
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
