import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlString } from '../../../platform/engine/sql.js';
import { READINGS } from './infer.js';
import { untidy } from './write-exprs.js';

// The single pass restates some readings' tests in cheaper forms; a cheaper form that differs
// from the reading would load a file differently from the slower way. Random values that look
// almost like numbers (and some that do not) are tried on both forms in DuckDB.

let db: DuckDBInstance;
let c: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  c = await db.connect();
});
afterAll(() => {
  c.closeSync();
  db.closeSync();
});

const numberish = fc.oneof(
  fc.stringMatching(/^[-+ 0-9.eExX_,]{1,20}$/),
  fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom(
    '0',
    '-0',
    '00',
    '-05',
    '0.5',
    '-0.5',
    '.5',
    '5.',
    '9e2',
    '0x1F',
    '1_000',
    '１２',
  ),
  fc.string({ maxLength: 8 }),
);

/** The values for which `select` (over a table `t` of them, column `v`) is true, in order. */
async function mismatches(values: string[], select: string): Promise<unknown[]> {
  const rows = values.map((v) => `(${sqlString(v)})`).join(', ');
  const reader = await c.runAndReadAll(
    `SELECT v FROM (SELECT v, ${select} AS bad FROM (VALUES ${rows}) t(v)) WHERE bad`,
  );
  return reader.getRowObjectsJson().map((r) => r.v);
}

describe('the readings restated for the single pass', () => {
  for (const reading of READINGS.filter((r) => r.parsed)) {
    it(`${reading.describe}: the parsed check and value equal the test and cast`, async () => {
      const parsed = reading.parsed;
      if (!parsed) return;
      const values = fc.sample(numberish, { numRuns: 3000, seed: 11 });
      const x = `(${parsed.parse('v')})`;
      const check = `coalesce(${parsed.check('v', x)}, false)`;
      const test = `coalesce(${reading.test('v')}, false)`;
      const bad = `${check} <> ${test} OR ${test} AND ${x} IS DISTINCT FROM ${reading.cast('v')}`;
      expect(await mismatches(values, bad)).toEqual([]);
    });
  }

  it('whole numbers: exactly the values written as BIGINT writes them, of at most 15 digits', async () => {
    const reading = READINGS.find((r) => r.type === 'integer' && !r.format);
    if (!reading?.parsed) throw new Error('no plain whole-number reading');
    const values = fc.sample(numberish, { numRuns: 3000, seed: 5 });
    const x = `(${reading.parsed.parse('v')})`;
    const read = await mismatches(values, `coalesce(${reading.parsed.check('v', x)}, false)`);
    const canonical = /^(-?[1-9][0-9]{0,14}|-?0)$/;
    expect(read).toEqual(values.filter((v) => canonical.test(v)));
  });

  it('marks every value that trimming changes (and may mark others)', async () => {
    const spaces = [' ', '\u00a0', '\u2009', '\u3000', '\u1680', '\u202f', '\t', ''];
    const text = fc.tuple(
      fc.constantFrom(...spaces),
      fc.oneof(
        fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
        fc.string({ unit: 'grapheme', maxLength: 6 }),
      ),
      fc.constantFrom(...spaces),
    );
    const values = fc.sample(text, { numRuns: 3000, seed: 7 }).map((p) => p.join(''));
    const changed = `nullif(trim(v), '') IS DISTINCT FROM v`;
    expect(await mismatches(values, `${changed} AND NOT coalesce(${untidy('v')}, false)`)).toEqual(
      [],
    );
  });
});
