import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../../platform/engine/sandbox.js';
import { checkSql } from './sql-check.js';

// The check against DuckDB's real parser: ordinary analysis SQL passes with the tables it
// names; what reaches outside the published tables does not.

let root: string;
let sandbox: Sandbox;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sql-check-'));
  sandbox = await Sandbox.open({
    allowedDirectories: [path.join(root, 'blobs')],
    tempDir: path.join(root, 'tmp'),
    threads: 1,
    memoryLimit: '128MB',
  });
});
afterAll(async () => {
  await sandbox.close();
  await rm(root, { recursive: true, force: true });
});

const check = async (sql: string) => checkSql(await sandbox.parse(sql), sandbox.functions);

const ORDINARY: [string, string[]][] = [
  ['SELECT 1 + 2 AS three', []],
  ['SELECT * FROM "a/b" WHERE x LIKE \'%y%\' AND z IN (1, 2) AND d BETWEEN 1 AND 3', ['a/b']],
  ['SELECT x::INTEGER, CAST(y AS DATE), CASE WHEN x > 1 THEN 1 ELSE 0 END FROM "a/b"', ['a/b']],
  [
    'SELECT row_number() OVER (PARTITION BY g ORDER BY x), lag(x) OVER w, sum(x) OVER () FROM "a/b" WINDOW w AS (ORDER BY x)',
    ['a/b'],
  ],
  [
    'SELECT g, count(*) FILTER (WHERE x > 1), avg(x), median(x), string_agg(s, \',\') FROM "a/b" GROUP BY ALL HAVING count(*) > 1 ORDER BY 1 LIMIT 10 OFFSET 2',
    ['a/b'],
  ],
  [
    'WITH t AS (SELECT * FROM "a/b"), u AS (SELECT * FROM t) SELECT * FROM u JOIN "c/d@2" USING (id)',
    ['a/b', 'c/d@2'],
  ],
  [
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT * FROM r',
    [],
  ],
  ["SELECT unnest(range(10)), list_transform([1, 2], v -> v * 2), {'k': 1}.k, [1, 2][1]", []],
  [
    "SELECT date_trunc('month', d), strftime(d, '%Y'), regexp_matches(s, '^a'), coalesce(x, 0) FROM \"a/b\"",
    ['a/b'],
  ],
  ['SELECT * FROM (VALUES (1), (2)) v(x) UNION ALL SELECT x FROM "a/b" EXCEPT SELECT 3', ['a/b']],
  ['SELECT (SELECT max(x) FROM "a/b"), EXISTS (SELECT 1 FROM "c/d") FROM "a/b"', ['a/b', 'c/d']],
  ['SELECT * FROM "a/b" WHERE x = $x AND y = $y', ['a/b']],
  ['FROM "a/b" SELECT x', ['a/b']],
  ['SELECT COLUMNS(\'x.*\') FROM "a/b" TABLESAMPLE 10%', ['a/b']],
  ["SELECT repeat('ab', 3), lpad(s, 10, ' '), range(0, 100, 5) FROM \"a/b\"", ['a/b']],
];

describe('checkSql', () => {
  it.each(ORDINARY)('lets through %s', async (sql, tables) => {
    expect((await check(sql)).tables).toEqual(tables);
  });

  it('collects named and positional parameters', async () => {
    expect((await check('SELECT $a, $b, $a')).params).toEqual(['a', 'b']);
    expect((await check('SELECT ?')).params).toEqual(['1']);
  });

  it.each([
    ["SELECT * FROM read_csv('x')", /Table functions/],
    ["SELECT getenv('HOME')", /getenv\(\) is not available/],
    ['SELECT * FROM main.t', /without a schema/],
    ['WITH "a.parquet" AS (SELECT 1) SELECT * FROM "a.parquet"', /WITH name/],
    ['SELECT range(x) FROM "a/b"', /range\(\) takes whole-number constants/],
    ['SELECT 1; SELECT 2', /exactly one SELECT/],
    ['DROP TABLE x', /Only a single SELECT/],
    ['SELEC 1', /could not be parsed/],
  ])('refuses %s', async (sql, message) => {
    await expect(check(sql)).rejects.toThrow(message);
  });
});
