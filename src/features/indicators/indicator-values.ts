import type { AppContext } from '../../context.js';
import { DomainError } from '../../platform/errors.js';
import type { Actor } from '../accounts/index.js';
import type { IndicatorQueryInput } from './indicator.schemas.js';
import type { DatedValue, GroupSeries } from './indicator.types.js';
import { periodStart } from './periods.js';
import { type Field, type QueryInput, queryResource, versionSource } from '../datastore/index.js';

export interface IndicatorValues {
  /** The datastore version computed from; null when the resource has no data yet. */
  version: number | null;
  series: DatedValue[];
  groups: GroupSeries[];
}

const TEMPORAL = new Set(['date', 'timestamp']);
const MAX_ROWS = 10_000;
const MAX_CACHED = 500;

// Versions are immutable, so values computed from one never go stale: a new load makes a new
// version and so a new key. The definition is part of the key, so an edit is seen at once.
// Pending computations are cached too, so a scorecard asking for the same indicator from many
// promises at once runs its queries once.
const cache = new Map<string, Promise<IndicatorValues>>();

function remember(key: string, values: Promise<IndicatorValues>): Promise<IndicatorValues> {
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, values);
  // A failure is not remembered: the next request tries again.
  values.catch(() => cache.delete(key));
  return values;
}

function valueOf(row: Record<string, unknown>, ratio: boolean): number | null {
  const v = row.v === null || row.v === undefined ? null : Number(row.v);
  if (v === null || !Number.isFinite(v)) return null;
  if (!ratio) return v;
  const d = Number(row.d);
  return Number.isFinite(d) && d !== 0 ? (100 * v) / d : null;
}

/** The query's rows as points, in date order; rows whose date is not a period are dropped. */
function pointsOf(
  rows: Record<string, unknown>[],
  dateKey: string,
  ratio: boolean,
  cumulative: boolean,
): DatedValue[] {
  const out: DatedValue[] = [];
  for (const r of rows) {
    const date = periodStart(r[dateKey]);
    const value = valueOf(r, ratio);
    if (date !== null && value !== null) out.push({ date, value });
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (cumulative) {
    let total = 0;
    for (const p of out) {
      total += p.value;
      p.value = total;
    }
  }
  return out;
}

/**
 * The indicator's values, live from the latest version of its resource: the region-wide series
 * (the aggregate over all rows of each period) and, with a group field, one series per group.
 * The actor must be able to read the resource (else 404, as for the resource itself).
 */
export async function indicatorValues(
  ctx: AppContext,
  actor: Actor,
  resourceId: string,
  query: IndicatorQueryInput,
): Promise<IndicatorValues> {
  let vs;
  try {
    vs = await versionSource(ctx, actor, resourceId, null);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_loaded') {
      return { version: null, series: [], groups: [] };
    }
    throw err;
  }
  const version = vs.version.version;
  const key = JSON.stringify([resourceId, version, query]);
  return (
    cache.get(key) ?? remember(key, compute(ctx, actor, vs.fields, resourceId, version, query))
  );
}

/** The datastore query an indicator's definition makes: its aggregates, grouped by period. */
export function seriesQuery(fields: Field[], query: IndicatorQueryInput) {
  const dateField = fields.find((f) => f.name === query.date.field);
  const bucket = dateField && TEMPORAL.has(dateField.type) ? query.date.bucket : undefined;
  const dateKey = bucket ? `${query.date.field}_${bucket}` : query.date.field;
  const base: QueryInput = {
    ...(query.filters ? { filters: query.filters } : {}),
    aggregates: [
      { ...query.value, as: 'v' },
      ...(query.denominator ? [{ ...query.denominator, as: 'd' }] : []),
    ],
    limit: MAX_ROWS,
  };
  const dateGroup = bucket ? { field: query.date.field, bucket } : query.date.field;
  return {
    base,
    dateGroup,
    dateKey,
    ratio: query.denominator !== undefined,
    cumulative: query.cumulative === true,
  };
}

async function compute(
  ctx: AppContext,
  actor: Actor,
  fields: Field[],
  resourceId: string,
  version: number,
  query: IndicatorQueryInput,
): Promise<IndicatorValues> {
  const series = seriesQuery(fields, query);
  const { dateGroup, dateKey, ratio, cumulative } = series;
  const base: QueryInput = { ...series.base, version };
  const region = await queryResource(ctx, actor, resourceId, { ...base, group_by: [dateGroup] });
  const groups: GroupSeries[] = [];
  if (query.group) {
    const byGroup = await queryResource(ctx, actor, resourceId, {
      ...base,
      group_by: [dateGroup, query.group],
    });
    const rowsOf = new Map<string, Record<string, unknown>[]>();
    for (const r of byGroup.records) {
      const g = r[query.group];
      if (typeof g !== 'string' && typeof g !== 'number' && typeof g !== 'boolean') continue;
      const name = String(g);
      rowsOf.set(name, [...(rowsOf.get(name) ?? []), r]);
    }
    for (const [group, rows] of rowsOf) {
      const series = pointsOf(rows, dateKey, ratio, cumulative);
      groups.push({ group, series, latest: series.at(-1) ?? null });
    }
    groups.sort((a, b) => a.group.localeCompare(b.group));
  }
  return {
    version,
    series: pointsOf(region.records, dateKey, ratio, cumulative),
    groups,
  };
}
