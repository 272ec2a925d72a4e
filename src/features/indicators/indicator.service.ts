import type { AppContext } from '../../context.js';
import type { IndicatorRow } from '../../platform/db/schema.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Actor } from '../accounts/index.js';
import { readableResource } from '../catalog/index.js';
import type { IndicatorDetail, IndicatorSummary } from './indicator.types.js';
import { detail, queryOf, summarise } from './indicator-summary.js';
import { indicatorSql } from './indicator-sql.js';
import { indicatorValues } from './indicator-values.js';
import {
  findIndicatorBySlug,
  listIndicatorRows,
  listIndicatorRowsOfPromise,
} from './indicator.repository.js';

// The indicators' read side, the stable API other features call (promises, dashboards):
//   listIndicators(ctx, actor)                        every indicator the actor can read
//   listIndicatorsForPromise(ctx, actor, promiseId)   a promise's indicators
//   getIndicatorSummary(ctx, actor, slug)             one, with series, forecast and status
//   getIndicator(ctx, actor, slug)                    the same plus the per-group series
// Writes (create, update, attachIndicatorToPromise) are in indicator-write.service.ts.

/** Whether an indicator has this slug. */
export async function indicatorExists(ctx: AppContext, slug: string): Promise<boolean> {
  return (await findIndicatorBySlug(ctx.db.kysely, slug)) !== undefined;
}

async function found(ctx: AppContext, slug: string): Promise<IndicatorRow> {
  const row = await findIndicatorBySlug(ctx.db.kysely, slug);
  if (!row) throw notFound(`Indicator ${slug}`);
  return row;
}

async function valuesOf(ctx: AppContext, actor: Actor, row: IndicatorRow) {
  return indicatorValues(ctx, actor, row.resource_id, queryOf(row));
}

/** Summaries of the rows the actor can read; an indicator over unreadable data is left out. */
async function summaries(ctx: AppContext, actor: Actor, rows: IndicatorRow[]) {
  const out: IndicatorSummary[] = [];
  for (const row of rows) {
    try {
      out.push(summarise(row, await valuesOf(ctx, actor, row)));
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind !== 'not_found') throw err;
    }
  }
  return out;
}

export async function listIndicators(ctx: AppContext, actor: Actor): Promise<IndicatorSummary[]> {
  return summaries(ctx, actor, await listIndicatorRows(ctx.db.kysely));
}

export async function listIndicatorsForPromise(
  ctx: AppContext,
  actor: Actor,
  promiseId: string,
): Promise<IndicatorSummary[]> {
  return summaries(ctx, actor, await listIndicatorRowsOfPromise(ctx.db.kysely, promiseId));
}

/** One indicator, shaped; 404 when it does not exist or its data is not readable by the actor. */
async function oneIndicator<T>(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  shape: (row: IndicatorRow, values: Awaited<ReturnType<typeof valuesOf>>) => T,
): Promise<T> {
  const row = await found(ctx, slug);
  return shape(row, await valuesOf(ctx, actor, row));
}

export const getIndicatorSummary = (ctx: AppContext, actor: Actor, slug: string) =>
  oneIndicator<IndicatorSummary>(ctx, actor, slug, summarise);

/** One indicator with its groups and, over public data, the SQL anyone can run to check it. */
export async function getIndicator(
  ctx: AppContext,
  actor: Actor,
  slug: string,
): Promise<IndicatorDetail> {
  const d = await oneIndicator<IndicatorDetail>(ctx, actor, slug, detail);
  return { ...d, ...(await indicatorSql(ctx, d.resource_id, d.query)) };
}

/**
 * Where each indicator the actor can read lives, and when it last changed (for the sitemap):
 * the rows' readability only, without computing their values.
 */
export async function indicatorLocations(ctx: AppContext, actor: Actor) {
  const rows = await listIndicatorRows(ctx.db.kysely);
  const readable = await Promise.all(
    rows.map((r) =>
      readableResource(ctx, actor, r.resource_id).then(
        () => true,
        (err: unknown) => {
          if (err instanceof DomainError && err.kind === 'not_found') return false;
          throw err;
        },
      ),
    ),
  );
  return rows
    .filter((_r, i) => readable[i])
    .map((r) => ({ path: `/indicators/${encodeURIComponent(r.slug)}`, lastmod: r.updated_at }));
}
