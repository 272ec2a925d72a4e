import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { sqlIdentifier, sqlString } from './sql.js';

// Quoting is checked against the real engine: a name or value must come back exactly as it
// went in, and text that tries to end the quote, open a comment or escape must stay data.

const LONG = 'x'.repeat(10_000);

/** Column names no one should use, each distinct from the others ignoring case (DuckDB's rule). */
const NAMES = [
  'say "hi"',
  '"',
  '""',
  "it's",
  "''",
  String.raw`back\slash\ `,
  String.raw`\"`,
  String.raw`\'`,
  "x'); DROP TABLE t; --",
  'y"); DROP TABLE t; --',
  LONG,
  '🚌 bus stop 🇬🇧',
  'café with combining é',
  'מספר שורה',
  '\u202Eright-to-left override',
  '  spaces  around  ',
  'select',
  'FROM',
  'a -- comment',
  'b /* open',
  '*/ close',
  '$1',
  '?',
  'tab\there',
  'new\nline\r\n',
];

/** Values as hostile as the names; backslashes are ordinary characters in DuckDB literals. */
const VALUES = [
  "'",
  "''",
  '"',
  '\\',
  "\\'",
  "'\\'",
  String.raw`a\nb\tc\0`,
  "E'\\n'",
  "x'); DROP TABLE t; --",
  '/* not a comment */',
  '-- nor this',
  '$1 ? %s :name',
  '',
  ' ',
  '🚌🇬🇧 e\u0301 שלום \u202E',
  'line\nbreak\r\n',
  'y'.repeat(10_000),
  'O\'Brien\'s "quoted" \\ back',
  'ÿ\u00A0\u2028\u2029',
  '\u0001\u001f\u007f',
  'select * from t',
  ';',
  "'' OR ''=''",
  '\\\\',
  'end',
];

describe('sqlIdentifier and sqlString', () => {
  let root: string;
  let files: string;
  let engine: Engine;
  beforeAll(async () => {
    // Every folder on the way has a quote in its name: the engine's own allowed_directories
    // setting is written with sqlString too.
    root = await mkdtemp(path.join(tmpdir(), "sql-it's-"));
    files = path.join(root, 'blob\'s "files"');
    engine = await Engine.open({
      allowedDirectories: [files],
      tempDir: path.join(root, "tmp'"),
      threads: 1,
      memoryLimit: '256MB',
    });
  });
  afterAll(async () => {
    await engine.close();
    await rm(root, { recursive: true, force: true });
  });

  it('writes the standard SQL forms', () => {
    expect(sqlIdentifier('a"b')).toBe('"a""b"');
    expect(sqlIdentifier('select')).toBe('"select"');
    expect(sqlString("it's")).toBe("'it''s'");
    expect(sqlString('a\\b')).toBe("'a\\b'");
    expect(sqlString('')).toBe("''");
  });

  it('round-trips hostile column names and values exactly', async () => {
    expect(new Set(NAMES.map((n) => n.toLowerCase())).size).toBe(NAMES.length);
    expect(new Set(VALUES).size).toBe(NAMES.length);
    const table = sqlIdentifier('the "table"; DROP TABLE x; --');
    const columns = NAMES.map((n) => `${sqlIdentifier(n)} VARCHAR`).join(', ');
    await engine.run(`CREATE TABLE ${table} (${columns})`);
    await engine.run(`INSERT INTO ${table} VALUES (${VALUES.map(sqlString).join(', ')})`);
    // Shifted by one, so no column holds the same value in both rows.
    const shifted = [...VALUES.slice(1), ...VALUES.slice(0, 1)];
    await engine.run(`INSERT INTO ${table} VALUES (${shifted.map(sqlString).join(', ')})`);

    const described = await engine.all(`DESCRIBE ${table}`);
    expect(described.map((d) => d.column_name)).toEqual(NAMES);

    const rows = await engine.all(
      `SELECT ${NAMES.map(sqlIdentifier).join(', ')} FROM ${table} ORDER BY rowid`,
    );
    expect(rows).toEqual([
      Object.fromEntries(NAMES.map((n, i) => [n, VALUES[i]])),
      Object.fromEntries(NAMES.map((n, i) => [n, shifted[i]])),
    ]);

    // Each column by its own name, filtered by a literal of its own value.
    for (const [i, name] of NAMES.entries()) {
      const value = VALUES[i] ?? '';
      const found = await engine.all(
        `SELECT ${sqlIdentifier(name)} AS v FROM ${table} WHERE ${sqlIdentifier(name)} = ${sqlString(value)}`,
      );
      expect(found).toEqual([{ v: value }]);
    }
    await engine.run(`DROP TABLE ${table}`);
  });

  it('renders each value as the same text a bound parameter gives', async () => {
    // length() counts code points, as Array.from does.
    for (const value of [...VALUES, ...NAMES]) {
      const [row] = await engine.all(
        `SELECT ${sqlString(value)} AS literal, ${sqlString(value)} = $1 AS same, length(${sqlString(value)}) AS n`,
        [value],
      );
      expect(row).toEqual({ literal: value, same: true, n: String(Array.from(value).length) });
    }
  });

  it('treats backslashes as ordinary characters', async () => {
    const [row] = await engine.all(
      `SELECT ${sqlString('a\\nb')} AS v, length(${sqlString('a\\nb')}) AS n, ${sqlString('\\')} AS slash`,
    );
    // Four characters: a, backslash, n, b (no newline), and a lone backslash does not escape '.
    expect(row).toEqual({ v: 'a\\nb', n: '4', slash: '\\' });
  });

  it('refuses a NUL, a lone surrogate or an empty name instead of writing SQL', async () => {
    expect(() => sqlIdentifier('a\u0000b')).toThrow(/NUL character/);
    expect(() => sqlString('a\u0000b')).toThrow(/NUL character/);
    expect(() => sqlString('\u0000')).toThrow(/NUL character/);
    expect(() => sqlIdentifier('bad \uD800')).toThrow(/lone surrogate/);
    expect(() => sqlString('\uDC00 bad')).toThrow(/lone surrogate/);
    expect(() => sqlIdentifier('')).toThrow(/empty/);
    // A value with a NUL goes as a bound parameter, which keeps it whole.
    expect(await engine.all('SELECT $1 AS v', ['a\u0000b'])).toEqual([{ v: 'a\u0000b' }]);
  });

  it('writes and reads files whose paths hold \' " and \\ (COPY, read_parquet, read_csv)', async () => {
    const parquet = path.join(files, String.raw`it's "data" \ here.parquet`);
    const csv = path.join(files, "O'Brien's.csv");
    const select = `SELECT ${sqlString("it's")} AS ${sqlIdentifier('a "b"')}, 2 AS n`;
    await engine.run(`COPY (${select}) TO ${sqlString(parquet)} (FORMAT parquet)`);
    await engine.run(`COPY (${select}) TO ${sqlString(csv)} (FORMAT csv, HEADER true)`);
    expect((await readdir(files)).sort()).toEqual([path.basename(csv), path.basename(parquet)]);
    expect(await engine.all(`SELECT * FROM read_parquet(${sqlString(parquet)})`)).toEqual([
      { 'a "b"': "it's", n: 2 },
    ]);
    expect(
      await engine.all(`SELECT * FROM read_csv(${sqlString(csv)}, all_varchar = true)`),
    ).toEqual([{ 'a "b"': "it's", n: '2' }]);
  });
});
