import type { DuckDBConnection } from '@duckdb/node-api';
import type { AppContext } from '../../context.js';
import type { DatastoreVersion } from '../../platform/db/schema.js';
import { prepare, type SqlParam } from '../../platform/engine/engine.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Actor } from '../accounts/index.js';
import { readableResource } from '../catalog/index.js';
import { encodeCursor } from './cursor.js';
import { findVersion } from './datastore.repository.js';
import type { Field, GeometryInfo } from './field.js';
import type { QueryInput } from './query.schemas.js';
import { outputValue } from './query-values.js';
import { buildQuery, type VersionSource } from './sql/query-builder.js';
import type { BuiltQuery, OutputField } from './sql/query-parts.js';
import { versionRelation } from './sql/read-files.js';
import { CountCache } from './count-cache.js';
import { asValueError } from './sql/value-errors.js';

export interface QueryResult {
  fields: OutputField[];
  records: Record<string, unknown>[];
  total: number;
  next_cursor: string | null;
  version: number;
  geometry: GeometryInfo | null;
}

/** The version of a readable resource that a query runs on (latest unless `version`). */
export async function versionSource(
  ctx: AppContext,
  actor: Actor,
  resourceId: string,
  version: number | null,
): Promise<VersionSource> {
  await readableResource(ctx, actor, resourceId);
  return sourceOf(ctx, await versionOf(ctx, resourceId, version));
}

/** A version of a resource (latest unless `version`); the caller has checked who asks. */
export async function versionOf(
  ctx: AppContext,
  resourceId: string,
  version: number | null,
): Promise<DatastoreVersion> {
  const v = await findVersion(ctx.db.kysely, resourceId, version);
  if (!v) {
    throw version === null
      ? new DomainError('conflict', 'not_loaded', 'This resource has no data in the datastore yet')
      : notFound(`Version ${version} of resource ${resourceId}`);
  }
  return v;
}

/** A version as a query's source, whoever asks (the caller has checked they may read it). */
export async function sourceOf(ctx: AppContext, v: DatastoreVersion): Promise<VersionSource> {
  const path = await ctx.blobCache.localFile(v.blob_key);
  return {
    version: v,
    fields: JSON.parse(v.fields) as Field[],
    geometry: v.geometry ? (JSON.parse(v.geometry) as GeometryInfo) : null,
    source: versionRelation(path, v.row_ids),
  };
}

/** Runs a statement on its own connection, interrupted after the configured time limit. */
async function timed<T>(ctx: AppContext, fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  return ctx.engine.with(async (c) => {
    const state = { timedOut: false };
    const timer = setTimeout(() => {
      state.timedOut = true;
      c.interrupt();
    }, ctx.config.queryTimeoutMs);
    try {
      return await fn(c);
    } catch (err) {
      if (state.timedOut) {
        throw new DomainError(
          'unavailable',
          'query_timeout',
          `The query took longer than ${ctx.config.queryTimeoutMs} ms and was stopped; narrow it with filters`,
        );
      }
      throw asValueError(err);
    } finally {
      clearTimeout(timer);
    }
  });
}

async function rows(ctx: AppContext, sql: string, params: SqlParam[]) {
  return timed(
    ctx,
    async (c) =>
      (await (await prepare(c, sql, params)).runAndReadAll()).getRowObjectsJson() as Record<
        string,
        unknown
      >[],
  );
}

/** Totals of filtered queries, per version (see count-cache.ts). */
const counts = new CountCache();

/**
 * The page of rows and the exact total. A total counted with the page (aggregates) needs no
 * second query unless the page is past the end; otherwise the count runs beside the page, on
 * a connection of its own, unless the version's row count is the answer.
 */
async function pageAndTotal(
  ctx: AppContext,
  vs: VersionSource,
  built: BuiltQuery,
  offset: number,
): Promise<[Record<string, unknown>[], number]> {
  const count = async () => {
    if (!built.countSql) return vs.version.row_count;
    const key = CountCache.key(vs.version.blob_key, built.countSql, built.countParams);
    const known = key === null ? undefined : counts.get(key);
    if (known !== undefined) return known;
    const n = Number((await rows(ctx, built.countSql, built.countParams))[0]?.n ?? 0);
    if (key !== null) counts.set(key, n);
    return n;
  };
  if (built.totalColumn) {
    const page = await rows(ctx, built.sql, built.params);
    const first = page[0];
    if (first) return [page, Number(first[built.totalColumn])];
    return [page, offset === 0 ? 0 : await count()];
  }
  return Promise.all([rows(ctx, built.sql, built.params), count()]);
}

export async function queryResource(
  ctx: AppContext,
  actor: Actor,
  resourceId: string,
  input: QueryInput,
): Promise<QueryResult> {
  const vs = await versionSource(ctx, actor, resourceId, input.version ?? null);
  const { built, scope } = buildQuery(vs, input);
  const [page, total] = await pageAndTotal(ctx, vs, built, input.offset ?? 0);
  const types = new Map<string, string>([
    ...vs.fields.map((f) => [f.name, f.type] as const),
    ['_id', 'integer'],
  ]);
  const geojsonField = vs.geometry?.kind === 'geojson' ? vs.geometry.field : null;
  const records = page.map((r) => {
    const out: Record<string, unknown> = {};
    for (const f of built.fields) {
      const v = outputValue(f.type, r[f.name]);
      out[f.name] =
        f.name === geojsonField && typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
    }
    return out;
  });
  const last = page.at(-1);
  const next =
    last && built.keyColumns.length > 0 && page.length === built.limit
      ? encodeCursor(
          scope,
          built.keyColumns.map((k, i) =>
            outputValue(types.get(built.sortKey[i]?.field ?? '') ?? 'integer', last[k]),
          ),
        )
      : null;
  return {
    fields: built.fields,
    records,
    total,
    next_cursor: next,
    version: vs.version.version,
    geometry: vs.geometry,
  };
}
