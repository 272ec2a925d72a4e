import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedSqlFixture, sqlGet, type SqlFixture } from '../helpers/sql-fixture.js';

// Escape attempts against the SQL endpoint, as an attacker or a careless user would make them:
// each must be refused (400 with a message saying why) or cut off (503 at the time limit, or
// truncated at the row limit), must leak nothing private (no private rows, no file contents,
// no file paths), and the server must keep answering while they run.

let t: TestApp;
let fx: SqlFixture;
/** The Parquet file of the private table's version, which DuckDB may read (its folder is allowed). */
let privateFile: string;

const LIMIT_MS = 1500;

beforeAll(async () => {
  t = await createTestApp({ sqlTimeoutMs: LIMIT_MS, sqlMaxRows: 100, sqlMaxLength: 2000 });
  fx = await seedSqlFixture(t);
  const v = await t.ctx.db.kysely
    .selectFrom('datastore_versions')
    .select('blob_key')
    .where('resource_id', '=', fx.ids.rota)
    .executeTakeFirstOrThrow();
  privateFile = t.ctx.blobs.localPath(v.blob_key) ?? '';
  expect(privateFile).toMatch(/\.parquet$/);
});
afterAll(() => t.close());

type Outcome = 'refused' | 'cut';
const REFUSED =
  /^(sql_invalid|sql_refused|unknown_table|sql_error|sql_params|sql_too_long|sql_memory_limit)$/;

/** [what it tries, the SQL (a function of the fixture), refused or cut off]. */
const CORPUS: [string, () => string, Outcome][] = [
  // CKAN CVE-2026-42031's shape: a backslash "escaping" a quote to smuggle a second statement.
  [
    'backslash-quote then a second statement',
    () =>
      String.raw`SELECT * FROM "bus-punctuality/routes" WHERE month = '\'' ; SELECT * FROM "staff-rota/rota" --'`,
    'refused',
  ],
  [
    'E-string backslash-quote union',
    () => String.raw`SELECT E'\'' UNION SELECT name FROM "staff-rota/rota" --'`,
    'refused',
  ],
  [
    'backslash-quote union into the private table',
    () =>
      String.raw`SELECT route FROM "bus-punctuality/routes" WHERE month = '\' UNION SELECT name FROM "staff-rota/rota" --'`,
    'refused',
  ],
  // CVE-2026-42032's shape: a function that runs a string as SQL.
  ['query() as a scalar', () => `SELECT query('SELECT * FROM "staff-rota/rota"')`, 'refused'],
  ['query() as a table', () => `SELECT * FROM query('SELECT * FROM "staff-rota/rota"')`, 'refused'],
  ['query_table()', () => `SELECT * FROM query_table('staff-rota/rota')`, 'refused'],
  [
    'query() inside a lambda',
    () => `SELECT list_transform([1], x -> query('SELECT 1'))`,
    'refused',
  ],
  [
    'json_execute_serialized_sql()',
    () => `SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT 1'))`,
    'refused',
  ],
  // Comments and stacked statements.
  [
    'a line comment before a second statement',
    () => 'SELECT 1 -- hidden\n; DROP TABLE x',
    'refused',
  ],
  ['a block comment hiding a statement', () => "SELECT 1 /* ; */ ; ATTACH 'x.db'", 'refused'],
  ['stacked DROP', () => 'SELECT 1; DROP TABLE x', 'refused'],
  ['stacked ATTACH', () => "SELECT 1; ATTACH ':memory:' AS m", 'refused'],
  [
    'a comment-first second SELECT',
    () => '/* x */ SELECT 1; SELECT * FROM "staff-rota/rota"',
    'refused',
  ],
  ['nested statement in a subquery', () => 'SELECT * FROM (DROP TABLE x)', 'refused'],
  // Unicode look-alikes.
  ['fullwidth semicolon', () => 'SELECT 1；DROP TABLE x', 'refused'],
  ['Cyrillic E in SELECT', () => 'SЕLECT * FROM "staff-rota/rota"', 'refused'],
  ['zero-width space in a table name', () => 'SELECT * FROM "staff\u200B-rota/rota"', 'refused'],
  ['zero-width space before a second statement', () => 'SELECT 1\u200B; DROP TABLE x', 'refused'],
  [
    'right-to-left override in a path',
    () => "SELECT * FROM read_csv('\u202Edwssap/cte/')",
    'refused',
  ],
  ['fullwidth letters in a function name', () => "SELECT ｇｅｔｅｎｖ('HOME')", 'refused'],
  // Size and time.
  ['a statement over SQL_MAX_LENGTH', () => `SELECT ${'1 + '.repeat(600)}1`, 'refused'],
  [
    'a recursive CTE that never ends',
    () => 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r',
    'cut',
  ],
  [
    'a cross join that explodes',
    () =>
      'SELECT count(*) FROM (SELECT unnest(range(1000000)) AS a) x, (SELECT unnest(range(1000000)) AS b) y',
    'cut',
  ],
  [
    'a self-join returning too many rows',
    () =>
      'SELECT * FROM "bus-punctuality/routes" a, "bus-punctuality/routes" b, "bus-punctuality/routes" c, "bus-punctuality/routes" d',
    'cut',
  ],
  ['a string of a terabyte', () => "SELECT repeat('x', 1e12) AS x", 'refused'],
  ['a list of 10^15 elements', () => 'SELECT range(1e15) AS x', 'refused'],
  ['range(10^15) as a table', () => 'SELECT * FROM range(1e15)', 'refused'],
  ['a list sized by an expression', () => 'SELECT range(10000 * 10000) AS x', 'refused'],
  ['padding to a gigabyte', () => "SELECT lpad('x', 1000000000, 'y')", 'refused'],
  // Files.
  ["read_csv('/etc/passwd')", () => "SELECT * FROM read_csv('/etc/passwd')", 'refused'],
  ["FROM '/etc/passwd'", () => "SELECT * FROM '/etc/passwd'", 'refused'],
  ['FROM a relative blob path', () => "SELECT * FROM 'data/blobs/x.parquet'", 'refused'],
  ["FROM the private table's file", () => `SELECT * FROM '${privateFile}'`, 'refused'],
  [
    "FROM the private table's file, double-quoted",
    () => `SELECT * FROM "${privateFile}"`,
    'refused',
  ],
  [
    "read_parquet of the private table's file",
    () => `SELECT * FROM read_parquet('${privateFile}')`,
    'refused',
  ],
  [
    "parquet_metadata of the private table's file",
    () => `SELECT * FROM parquet_metadata('${privateFile}')`,
    'refused',
  ],
  [
    'a WITH named as the private file',
    () => `WITH "${privateFile}" AS (SELECT 1) SELECT * FROM "${privateFile}"`,
    'refused',
  ],
  ["glob('*') as a table", () => "SELECT * FROM glob('*')", 'refused'],
  ["glob('*') as a scalar", () => "SELECT glob('*')", 'refused'],
  ['read_text', () => "SELECT * FROM read_text('/etc/hostname')", 'refused'],
  ['read_blob', () => "SELECT * FROM read_blob('/etc/hostname')", 'refused'],
  ['sniff_csv', () => "SELECT * FROM sniff_csv('/etc/passwd')", 'refused'],
  ['the filename virtual column', () => 'SELECT filename FROM "bus-punctuality/routes"', 'refused'],
  // Settings, environment, catalogue.
  ["getenv('HOME')", () => "SELECT getenv('HOME')", 'refused'],
  ['getenv through its schema', () => "SELECT main.getenv('HOME')", 'refused'],
  [
    "current_setting('allowed_directories')",
    () => "SELECT current_setting('allowed_directories')",
    'refused',
  ],
  ['getvariable', () => "SELECT getvariable('x')", 'refused'],
  ['duckdb_settings()', () => 'SELECT * FROM duckdb_settings()', 'refused'],
  ['duckdb_tables()', () => 'SELECT * FROM duckdb_tables()', 'refused'],
  ['duckdb_secrets()', () => 'SELECT * FROM duckdb_secrets()', 'refused'],
  [
    'duckdb_functions() in a subquery',
    () => 'SELECT (SELECT count(*) FROM duckdb_functions())',
    'refused',
  ],
  ['information_schema.tables', () => 'SELECT * FROM information_schema.tables', 'refused'],
  ['pg_catalog.pg_class', () => 'SELECT * FROM pg_catalog.pg_class', 'refused'],
  ['pg_class unqualified', () => 'SELECT * FROM pg_class', 'refused'],
  ['a pg_catalog function', () => 'SELECT pg_catalog.pg_sleep(100)', 'refused'],
  [
    'a view by its temp schema',
    () => 'SELECT * FROM temp.main."bus-punctuality/routes"',
    'refused',
  ],
  [
    'a table by catalogue and schema',
    () => 'SELECT * FROM memory.main."staff-rota/rota"',
    'refused',
  ],
  // Statements other than SELECT.
  ['COPY … TO', () => "COPY (SELECT 1) TO '/tmp/x.csv'", 'refused'],
  ['ATTACH', () => "ATTACH '/tmp/x.db'", 'refused'],
  ['DETACH', () => 'DETACH memory', 'refused'],
  ['INSTALL httpfs', () => 'INSTALL httpfs', 'refused'],
  ['LOAD httpfs', () => 'LOAD httpfs', 'refused'],
  ['PRAGMA', () => 'PRAGMA database_list', 'refused'],
  ['SET', () => 'SET enable_external_access = true', 'refused'],
  ['RESET', () => 'RESET lock_configuration', 'refused'],
  ['CALL', () => 'CALL pragma_version()', 'refused'],
  ['EXPORT DATABASE', () => "EXPORT DATABASE '/tmp/x'", 'refused'],
  ['CREATE TABLE', () => 'CREATE TABLE t AS SELECT 1', 'refused'],
  ['INSERT', () => 'INSERT INTO t VALUES (1)', 'refused'],
  ['CREATE MACRO', () => 'CREATE MACRO m(x) AS x', 'refused'],
  ['PREPARE', () => 'PREPARE p AS SELECT 1', 'refused'],
  ['EXECUTE', () => 'EXECUTE p', 'refused'],
  ['EXPLAIN', () => 'EXPLAIN SELECT 1', 'refused'],
  ['USE', () => 'USE memory', 'refused'],
  ['CHECKPOINT', () => 'CHECKPOINT', 'refused'],
  ['SUMMARIZE', () => 'SUMMARIZE "bus-punctuality/routes"', 'refused'],
  ['DESCRIBE', () => 'DESCRIBE "bus-punctuality/routes"', 'refused'],
  ['SHOW TABLES', () => 'SHOW TABLES', 'refused'],
  ['PIVOT', () => 'PIVOT "bus-punctuality/routes" ON route USING sum(trips)', 'refused'],
  [
    'time travel with AT',
    () => 'SELECT * FROM "bus-punctuality/routes" AT (VERSION => 1)',
    'refused',
  ],
  // Tables the caller may not read, or that do not exist.
  ['the private table by name', () => 'SELECT * FROM "staff-rota/rota"', 'refused'],
  ['the private table by its resource id', () => `SELECT * FROM "${fx.ids.rota}"`, 'refused'],
  ['the private table by id, version 1', () => `SELECT * FROM "${fx.ids.rota}@1"`, 'refused'],
  [
    'the private table in a subquery',
    () => 'SELECT (SELECT count(*) FROM "staff-rota/rota")',
    'refused',
  ],
  [
    'the private table in a CTE',
    () => 'WITH x AS (SELECT * FROM "staff-rota/rota") SELECT count(*) FROM x',
    'refused',
  ],
  ['the draft table', () => 'SELECT * FROM "draft-cycle-counts/counts"', 'refused'],
  ['version @0', () => 'SELECT * FROM "bus-punctuality/routes@0"', 'refused'],
  ['version @999', () => 'SELECT * FROM "bus-punctuality/routes@999"', 'refused'],
  [
    'a CTE used outside its scope',
    () => 'WITH a AS (SELECT 1) SELECT * FROM (WITH b AS (SELECT 2) SELECT * FROM b), b',
    'refused',
  ],
  // Parameters.
  ['$1 without params', () => 'SELECT $1', 'refused'],
  ['? without params', () => 'SELECT ?', 'refused'],
];

/** No private rows, no file contents, and no file path the attempt did not itself name. */
const clean = (body: string, sql: string) => {
  expect(body).not.toContain('Alice');
  expect(body).not.toContain('root:');
  if (!sql.includes(t.ctx.config.blobDir)) expect(body).not.toContain(t.ctx.config.blobDir);
};

describe('the SQL escape corpus', () => {
  it('has at least 60 attempts', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CORPUS)('%s', async (_what, sqlOf, outcome) => {
    const sql = sqlOf();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/sql', payload: { sql } });
    clean(res.body, sql);
    if (outcome === 'cut' && res.statusCode === 200) {
      expect(res.json<{ truncated: boolean }>().truncated).toBe(true);
      return;
    }
    const error = res.json<{ error: { code: string; message: string } }>().error;
    if (outcome === 'refused') {
      expect(res.statusCode, res.body).toBe(400);
      expect(error.code).toMatch(REFUSED);
    } else {
      expect(res.statusCode, res.body).toBe(503);
      expect(error.code).toBe('sql_timeout');
    }
    expect(error.message.length).toBeGreaterThan(15);
    // The same attempt through GET and as CSV is refused the same way.
    if (sql.length < 1000) {
      const again = await sqlGet(t, sql, undefined, '&format=csv');
      clean(again.body, sql);
      expect(again.statusCode).toBe(res.statusCode === 200 ? 200 : res.statusCode);
    }
  });
});

describe('a runaway query', () => {
  // An app of its own with a time limit far beyond what the other requests need, so "still
  // running" is not a matter of timing; the runaway's place at the gate is the only one taken.
  let own: TestApp;
  beforeAll(async () => {
    own = await createTestApp({ sqlTimeoutMs: 8000 });
  });
  afterAll(() => own.close());

  it('leaves the server answering, and is cut off at the time limit', async () => {
    let finished = false;
    const runaway = sqlGet(
      own,
      'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r',
    ).then((res) => {
      finished = true;
      return res;
    });
    const health = await own.app.inject('/healthz');
    expect(health.statusCode).toBe(200);
    const small = await sqlGet(own, 'SELECT 6 * 7 AS answer');
    expect(small.json<{ records: unknown[] }>().records).toEqual([{ answer: 42 }]);
    expect(finished).toBe(false);
    const cut = await runaway;
    expect(cut.statusCode).toBe(503);
    expect(cut.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'sql_timeout',
      message: expect.stringMatching(/took longer than 8000 ms/) as unknown,
    });
    // Its place is given back.
    expect((await sqlGet(own, 'SELECT 1 AS one')).statusCode).toBe(200);
  });
});
