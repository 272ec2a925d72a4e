import type { AppContext } from '../../context.js';
import { DomainError } from '../../platform/errors.js';
import { anonymous } from '../accounts/index.js';
import { resourceTableOf } from '../catalog/index.js';
import { seriesSql, versionSource } from '../datastore/index.js';
import { sqlApiUrl } from '../sql/index.js';
import type { IndicatorQueryInput } from './indicator.schemas.js';
import { seriesQuery } from './indicator-values.js';

// An indicator anyone can check: the SQL that computes its series on the public SQL endpoint,
// written by the datastore's own query compiler from the same definition the values come from
// (seriesQuery), over the resource's public table name. Its last row is the latest value.
// Only for data the public may read: an indicator over private data links to no SQL.

export interface IndicatorSql {
  sql: string | null;
  sql_url: string | null;
}

const NONE: IndicatorSql = { sql: null, sql_url: null };

export async function indicatorSql(
  ctx: AppContext,
  resourceId: string,
  query: IndicatorQueryInput,
): Promise<IndicatorSql> {
  if (!ctx.config.sqlEnabled) return NONE;
  let vs;
  try {
    vs = await versionSource(ctx, anonymous, resourceId, null);
  } catch (err) {
    // Not readable by the public, or no data yet.
    if (err instanceof DomainError) return NONE;
    throw err;
  }
  const table = await resourceTableOf(ctx, resourceId);
  if (!table) return NONE;
  const s = seriesQuery(vs.fields, query);
  const sql = seriesSql(
    `${table.datasetSlug}/${table.resourceSlug}`,
    {
      query: { ...s.base, group_by: [s.dateGroup] },
      period: s.dateKey,
      ratio: s.ratio,
      cumulative: s.cumulative,
    },
    vs.fields,
    vs.geometry,
  );
  return { sql, sql_url: sqlApiUrl(ctx.config.baseUrl, sql) };
}
