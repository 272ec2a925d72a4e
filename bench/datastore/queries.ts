import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../src/context.js';
import { anonymous } from '../../src/features/accounts/index.js';
import { cursorScope, encodeCursor } from '../../src/features/datastore/cursor.js';
import { outputValue } from '../../src/features/datastore/query-values.js';
import { buildQuery, type VersionSource } from '../../src/features/datastore/sql/query-builder.js';
import { sqlIdentifier, sqlString } from '../../src/platform/engine/sql.js';
import type { PgBaseline } from './postgres.js';
import type { RawDuckDb } from './raw-duckdb.js';
import {
  type QueryInput,
  queryResource,
  versionSource,
} from '../../src/features/datastore/index.js';

export interface QueryCase {
  id: string;
  title: string;
  /** The API query (POST /api/v1/resources/{id}/query). */
  body: QueryInput;
  /** Hand-written DuckDB SQL on the version's Parquet file, run together (page and count). */
  duck: string[];
  /** The same on the PostgreSQL table. */
  pg: { sql: string; params?: unknown[] }[];
  /**
   * Sorted record pages, in two steps: the page's `_id`s by the narrow sort columns (with the
   * count beside it), then those rows by `_id`: what DuckDB costs without reading every column
   * of every matching row.
   */
  twoStep?: { keys: string; count?: string; order: string };
}

export interface CaseSamples {
  case: QueryCase;
  /** Over HTTP to the server process, timed around fetch() and the JSON parse. */
  http: number[];
  /** queryResource() in this process: the service without HTTP. */
  service: number[];
  /** The SQL the app builds (buildQuery), run in a plain DuckDB: the app's SQL shape. */
  appSql: number[];
  /** The hand-written SQL in a plain DuckDB: the baseline. */
  duck: number[];
  pg: number[];
  /** `twoStep` in a plain DuckDB; empty when the case has none. */
  twoStep: number[];
  total: number;
}

interface ApiAnswer {
  records: Record<string, unknown>[];
  total: number;
  next_cursor: string | null;
}

export const YEAR = 2024;

/** The version's key values at a row position in an order, for building a cursor. */
async function keyAt(raw: RawDuckDb, src: string, order: string, columns: string[], at: number) {
  const [row] = await raw.rows(
    `SELECT ${columns.map(sqlIdentifier).join(', ')} FROM ${src} ORDER BY ${order} LIMIT 1 OFFSET ${at}`,
  );
  if (!row) throw new Error(`no row at ${at}`);
  return row;
}

export interface DeepPages {
  /** Page number of the deep page (10,000 at 2M rows). */
  page: number;
  idCursor: string;
  sortedCursor: string;
  idKey: number;
  sortedKey: { reportedAt: string; id: number };
}

const SORTED = [{ field: 'reported_at', dir: 'desc' as const }];

/**
 * Cursors for page `page` (limit 100) in the default order and by reported_at descending,
 * built from the key of the page's previous row as src/features/datastore/cursor.ts encodes it.
 */
export async function deepCursors(
  raw: RawDuckDb,
  vs: VersionSource,
  page: number,
): Promise<DeepPages> {
  const before = (page - 1) * 100 - 1;
  const scopeOf = (sort: QueryInput['sort']) =>
    cursorScope([vs.version.resource_id, vs.version.version, [], '', sort ?? []]);
  const id = await keyAt(raw, vs.source, '"_id"', ['_id'], before);
  const idKey = Number(id._id);
  const sorted = await keyAt(
    raw,
    vs.source,
    '"reported_at" DESC NULLS LAST, "_id" ASC',
    ['reported_at', '_id'],
    before,
  );
  const reportedAt = String(outputValue('timestamp', sorted.reported_at));
  const sortedId = Number(sorted._id);
  return {
    page,
    idKey,
    sortedKey: { reportedAt, id: sortedId },
    idCursor: encodeCursor(scopeOf(undefined), [idKey]),
    sortedCursor: encodeCursor(scopeOf(SORTED), [reportedAt, sortedId]),
  };
}

/** The queries, with their hand-written equivalents. `src` reads the Parquet file. */
export function queryCases(src: string, deep: DeepPages, idOffset: number): QueryCase[] {
  const year = [`${YEAR}-01-01`, `${YEAR + 1}-01-01`];
  const pgTs = deep.sortedKey.reportedAt.replace('T', ' ').replace('Z', '');
  return [
    {
      id: 'filter',
      title: `filter borough = Manchester AND category = pothole, sort reported_at desc, 100 rows + exact total`,
      body: {
        filters: [
          { field: 'borough', op: 'eq', value: 'Manchester' },
          { field: 'category', op: 'eq', value: 'pothole' },
        ],
        sort: SORTED,
        limit: 100,
      },
      duck: [
        `SELECT * FROM ${src} WHERE borough = 'Manchester' AND category = 'pothole' ORDER BY reported_at DESC, _id LIMIT 100`,
        `SELECT count(*) AS n FROM ${src} WHERE borough = 'Manchester' AND category = 'pothole'`,
      ],
      pg: [
        {
          sql: `SELECT * FROM sr WHERE borough = $1 AND category = $2 ORDER BY reported_at DESC, id LIMIT 100`,
          params: ['Manchester', 'pothole'],
        },
        {
          sql: `SELECT count(*) AS n FROM sr WHERE borough = $1 AND category = $2`,
          params: ['Manchester', 'pothole'],
        },
      ],
      twoStep: {
        keys: `SELECT _id FROM ${src} WHERE borough = 'Manchester' AND category = 'pothole' ORDER BY reported_at DESC, _id LIMIT 100`,
        count: `SELECT count(*) AS n FROM ${src} WHERE borough = 'Manchester' AND category = 'pothole'`,
        order: 'reported_at DESC, _id',
      },
    },
    {
      id: 'group',
      title: `count by borough × category over ${YEAR} (reported_at within the year)`,
      body: {
        filters: [
          { field: 'reported_at', op: 'gte', value: year[0] ?? '' },
          { field: 'reported_at', op: 'lt', value: year[1] ?? '' },
        ],
        group_by: ['borough', 'category'],
        aggregates: [{ fn: 'count' }],
        limit: 1000,
      },
      duck: [
        `SELECT borough, category, count(*) AS count FROM ${src} WHERE reported_at >= ${sqlString(year[0] ?? '')} AND reported_at < ${sqlString(year[1] ?? '')} GROUP BY ALL ORDER BY borough, category`,
      ],
      pg: [
        {
          sql: `SELECT borough, category, count(*) AS count FROM sr WHERE reported_at >= $1 AND reported_at < $2 GROUP BY 1, 2 ORDER BY 1, 2`,
          params: year,
        },
      ],
    },
    {
      id: 'page1',
      title: 'page 1 in the default order (by row), 100 rows',
      body: { limit: 100 },
      duck: [`SELECT * FROM ${src} ORDER BY _id LIMIT 100`],
      pg: [{ sql: `SELECT * FROM sr ORDER BY id LIMIT 100` }],
    },
    {
      id: 'deep',
      title: `page ${deep.page.toLocaleString('en-GB')} by cursor in the default order`,
      body: { limit: 100, cursor: deep.idCursor },
      duck: [`SELECT * FROM ${src} WHERE _id > ${deep.idKey} ORDER BY _id LIMIT 100`],
      pg: [
        {
          sql: `SELECT * FROM sr WHERE id > $1 ORDER BY id LIMIT 100`,
          params: [deep.idKey + idOffset],
        },
      ],
    },
    {
      id: 'sorted1',
      title: 'page 1 sorted by reported_at desc, 100 rows',
      body: { sort: SORTED, limit: 100 },
      duck: [`SELECT * FROM ${src} ORDER BY reported_at DESC, _id LIMIT 100`],
      pg: [{ sql: `SELECT * FROM sr ORDER BY reported_at DESC, id LIMIT 100` }],
      twoStep: {
        keys: `SELECT _id FROM ${src} ORDER BY reported_at DESC, _id LIMIT 100`,
        order: 'reported_at DESC, _id',
      },
    },
    {
      id: 'sortedDeep',
      title: `page ${deep.page.toLocaleString('en-GB')} by cursor sorted by reported_at desc`,
      body: { sort: SORTED, limit: 100, cursor: deep.sortedCursor },
      duck: [
        `SELECT * FROM ${src} WHERE reported_at <= ${sqlString(pgTs)} AND (reported_at < ${sqlString(pgTs)} OR _id > ${deep.sortedKey.id}) ORDER BY reported_at DESC, _id LIMIT 100`,
      ],
      pg: [
        {
          sql: `SELECT * FROM sr WHERE reported_at <= $1 AND (reported_at < $1 OR id > $2) ORDER BY reported_at DESC, id LIMIT 100`,
          params: [pgTs, deep.sortedKey.id + idOffset],
        },
      ],
      twoStep: {
        keys: `SELECT _id FROM ${src} WHERE reported_at <= ${sqlString(pgTs)} AND (reported_at < ${sqlString(pgTs)} OR _id > ${deep.sortedKey.id}) ORDER BY reported_at DESC, _id LIMIT 100`,
        order: 'reported_at DESC, _id',
      },
    },
  ];
}

async function post(origin: string, resourceId: string, body: QueryInput) {
  const res = await fetch(`${origin}/api/v1/resources/${resourceId}/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as ApiAnswer;
  if (res.status !== 200 || !Array.isArray(json.records)) {
    throw new Error(`query answered ${res.status}: ${JSON.stringify(json).slice(0, 500)}`);
  }
  return json;
}

const time = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/**
 * Checks the API's answers against the hand-written SQL once (same rows, same total), so the
 * timings compare equal work.
 */
async function check(c: QueryCase, answer: ApiAnswer, raw: RawDuckDb): Promise<number> {
  const results = (await raw.together(c.duck.map((sql) => ({ sql })))) as Record<
    string,
    unknown
  >[][];
  const rows = results[0] ?? [];
  if (c.body.group_by) {
    const key = (r: Record<string, unknown>) =>
      `${String(r.borough)}|${String(r.category)}|${Number(r.count)}`;
    const want = rows.map(key).sort();
    const got = answer.records.map(key).sort();
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      throw new Error(`${c.id}: the API's groups differ from DuckDB's`);
    }
    return got.length;
  }
  const want = rows.map((r) => Number(r._id));
  const got = answer.records.map((r) => Number(r._id));
  if (JSON.stringify(want) !== JSON.stringify(got)) {
    throw new Error(
      `${c.id}: the API's rows differ from DuckDB's (first ${got.slice(0, 3).join(',')} vs ${want.slice(0, 3).join(',')})`,
    );
  }
  const total = results[1]?.[0]?.n;
  if (total !== undefined && Number(total) !== answer.total) {
    throw new Error(`${c.id}: total ${answer.total}, DuckDB counts ${Number(total)}`);
  }
  return answer.total;
}

/**
 * Each case in turn, `rounds` times, one request at a time, every layer right after the other
 * so that a noisy neighbour slows them alike. `warmup` rounds are not counted.
 */
export async function measureQueries(options: {
  ctx: AppContext;
  origin: string;
  resourceId: string;
  cases: QueryCase[];
  raw: RawDuckDb;
  pg: PgBaseline | null;
  rounds: number;
  warmup: number;
}): Promise<CaseSamples[]> {
  const { ctx, origin, resourceId, raw, pg } = options;
  const vs = await versionSource(ctx, anonymous, resourceId, null);
  const entries = options.cases.map((c) => {
    const { built } = buildQuery(vs, c.body);
    // As queryResource runs them: the page alone when it carries its total (aggregates).
    const appStatements = [
      { sql: built.sql, params: built.params },
      ...(built.countSql && !built.totalColumn
        ? [{ sql: built.countSql, params: built.countParams }]
        : []),
    ];
    const samples: CaseSamples = {
      case: c,
      http: [],
      service: [],
      appSql: [],
      duck: [],
      pg: [],
      twoStep: [],
      total: -1,
    };
    return { c, appStatements, samples };
  });
  for (const { c, samples } of entries) {
    const answer = await post(origin, resourceId, c.body);
    samples.total = await check(c, answer, raw);
    if (c.twoStep) {
      const keys = (await raw.rows(c.twoStep.keys)).map((r) => Number(r._id));
      if (JSON.stringify(keys) !== JSON.stringify(answer.records.map((r) => Number(r._id)))) {
        throw new Error(`${c.id}: the two-step keys differ from the API's rows`);
      }
    }
  }
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (const { c, appStatements, samples } of entries) {
      const http = await time(() => post(origin, resourceId, c.body));
      const service = await time(() => queryResource(ctx, anonymous, resourceId, c.body));
      const appSql = await time(() => raw.together(appStatements));
      const duck = await time(() => raw.together(c.duck.map((sql) => ({ sql }))));
      const pgMs = pg ? await time(() => pg.together(c.pg)) : Number.NaN;
      const two = c.twoStep;
      const twoStep = two
        ? await time(async () => {
            const [keys] = await raw.together([
              { sql: two.keys },
              ...(two.count ? [{ sql: two.count }] : []),
            ]);
            const ids = (keys as Record<string, unknown>[]).map((r) => Number(r._id));
            if (ids.length > 0) {
              await raw.rows(
                `SELECT * FROM ${vs.source} WHERE _id IN (${ids.join(', ')}) ORDER BY ${two.order}`,
              );
            }
          })
        : Number.NaN;
      if (round >= options.warmup) {
        samples.http.push(http);
        samples.service.push(service);
        samples.appSql.push(appSql);
        samples.duck.push(duck);
        samples.pg.push(pgMs);
        if (two) samples.twoStep.push(twoStep);
      }
    }
  }
  return entries.map((e) => e.samples);
}

export interface CursorWalk {
  pages: number;
  /** Milliseconds per page over HTTP, following next_cursor from page 1. */
  ms: number[];
  /** The walked cursor equals the one built from the key (checks deepCursors' encoding). */
  matches: boolean;
}

/**
 * A real walk: page 1, then `pages - 1` pages following next_cursor, each timed; the cursor of
 * page pages + 1 is compared with the one deepCursors builds for it.
 */
export async function walkCursor(options: {
  origin: string;
  resourceId: string;
  raw: RawDuckDb;
  vs: VersionSource;
  pages: number;
  sort?: QueryInput['sort'];
}): Promise<CursorWalk> {
  const ms: number[] = [];
  let cursor: string | null = null;
  let lastId = 0;
  for (let page = 1; page <= options.pages; page++) {
    const body: QueryInput = {
      limit: 100,
      ...(options.sort ? { sort: options.sort } : {}),
      ...(cursor ? { cursor } : {}),
    };
    const started = performance.now();
    const answer = await post(options.origin, options.resourceId, body);
    ms.push(performance.now() - started);
    if (!options.sort) {
      const first = Number(answer.records[0]?._id);
      if (first !== lastId + 1)
        throw new Error(`page ${page} starts at ${first}, not ${lastId + 1}`);
      lastId = Number(answer.records.at(-1)?._id);
    }
    cursor = answer.next_cursor;
    if (!cursor) throw new Error(`page ${page} has no next_cursor`);
  }
  const built = await deepCursors(options.raw, options.vs, options.pages + 1);
  const expected = options.sort ? built.sortedCursor : built.idCursor;
  return { pages: options.pages, ms, matches: cursor === expected };
}
