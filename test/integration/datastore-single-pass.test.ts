import { describe, expect, it } from 'vitest';
import { ingestHarness, typesOf } from '../helpers/ingest.js';

// The single pass (ingest-direct.ts) and the slower way must load any file alike: these files
// are loaded both ways (a `types` option, even empty, takes the slower way) and compared.

const { put, ingest, rowsOf, singlePass } = ingestHarness();

const both = async (name: string, csv: string) => {
  const file = await put(name, csv);
  // Ordinary files are what the single pass is for: taking the slower way would hide nothing
  // from the other tests here, only the time it costs.
  expect(await singlePass(file)).toBe(true);
  return { direct: await ingest(file, 'CSV'), slower: await ingest(file, 'CSV', { types: {} }) };
};

describe('the single pass', () => {
  it('trims exactly what the slower way trims, leaving other text untouched', async () => {
    const values = [
      'plain',
      ' leading',
      'trailing ',
      '\u00a0no-break\u00a0',
      '\u3000ideographic',
      'thin\u2009',
      'Café',
      'naïve café',
      '£5 a week',
      'tab\tinside',
      '\ttab first',
      '   ',
      'Ynys Môn',
    ];
    const rows = Array.from({ length: 300 }, (_, i) => `${i + 1},"${values[i % values.length]}"`);
    const { direct, slower } = await both('trim.csv', `id,name\n${rows.join('\n')}\n`);
    expect(await rowsOf(direct)).toEqual(await rowsOf(slower));
    const names = (await rowsOf(direct)).slice(0, values.length).map((r) => r.name);
    expect(names).toEqual([
      'plain',
      'leading',
      'trailing',
      'no-break',
      'ideographic',
      'thin',
      'Café',
      'naïve café',
      '£5 a week',
      'tab\tinside',
      '\ttab first',
      null,
      'Ynys Môn',
    ]);
  });

  it('reads whole numbers and plain numbers as the readings do, codes staying text', async () => {
    const { direct, slower } = await both(
      'numbers.csv',
      'n,x,code\n' +
        Array.from({ length: 500 }, (_, i) => `${i - 250},${(i - 250) / 8},${i + 1}`).join('\n') +
        '\n-0,-0.5,0123\n',
    );
    expect(typesOf(direct)).toEqual({ n: 'integer', x: 'decimal', code: 'text' });
    expect(await rowsOf(direct)).toEqual(await rowsOf(slower));
  });

  it('counts few distinct values exactly and many of them closely', async () => {
    const boroughs = ['Bolton', 'Bury', 'Manchester', 'Oldham', 'Rochdale'];
    const more = ['Salford', 'Stockport', 'Tameside', 'Trafford', 'Wigan'];
    const all = [...boroughs, ...more];
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i + 1},${all[(i * 7) % all.length]}`);
    const { direct } = await both('distinct.csv', `id,borough\n${rows.join('\n')}\n`);
    const stats = Object.fromEntries(direct.fields.map((f) => [f.name, f.stats]));
    expect(stats.borough?.distinct).toBe(10);
    // An estimate (HyperLogLog) for the 20,000 ids.
    expect(stats.id?.distinct).toBeGreaterThan(17_000);
    expect(stats.id?.distinct).toBeLessThan(23_000);
  });

  it('finds sample values of a column that is empty for its first thousands of rows', async () => {
    const rows = Array.from(
      { length: 3_000 },
      (_, i) => `${i + 1},${i < 2_500 ? '' : `late ${i % 7}`}`,
    );
    const { direct, slower } = await both('sparse.csv', `id,note\n${rows.join('\n')}\n`);
    for (const r of [direct, slower]) {
      const note = r.fields.find((f) => f.name === 'note');
      expect(note?.stats?.samples).toEqual(['late 1', 'late 2', 'late 3', 'late 4', 'late 5']);
      expect(note?.stats?.nulls).toBe(2_500);
    }
  });

  it('reads UK and ISO times with zones in the pass, as the slower way reads them', async () => {
    const rows = Array.from(
      { length: 200 },
      (_, i) =>
        `${i + 1};${String((i % 28) + 1).padStart(2, '0')}/02/2024 10:${String(i % 60).padStart(2, '0')}:00;` +
        `2024-03-${String((i % 28) + 1).padStart(2, '0')}T08:00:00+01:00`,
    );
    const { direct, slower } = await both('times.csv', `id;seen;at\n${rows.join('\n')}\n`);
    expect(typesOf(direct)).toEqual({ id: 'integer', seen: 'timestamp', at: 'timestamp' });
    expect(await rowsOf(direct)).toEqual(await rowsOf(slower));
  });

  it('loads a line longer than DuckDB’s default limit of 2 MB', async () => {
    const long = 'x'.repeat(3_000_000);
    const file = await put('long-line.csv', `id,text\n1,short\n2,${long}\n3,short\n`);
    const r = await ingest(file, 'CSV');
    expect(r.rows).toBe(3);
    const rows = await rowsOf(r);
    expect(rows.map((row) => String(row.text).length)).toEqual([5, 3_000_000, 5]);
  });
});
