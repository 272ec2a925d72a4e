import type { AppContext } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import type { Actor } from '../accounts/index.js';
import { deleteDashboardRow, findDashboardBySlug } from './dashboard.repository.js';
import { dashboardsShowing } from './dependents.js';
import { recordDeleted } from './indicator-activity.js';
import {
  deleteIndicatorRow,
  detachIndicatorsOfPromise,
  findIndicatorBySlug,
} from './indicator.repository.js';
import { authoriseRegionEdit } from './indicator-write.service.js';

/** An indicator its editor may delete, with the dashboards that show it. */
export async function deletableIndicator(ctx: AppContext, actor: Actor, slug: string) {
  await authoriseRegionEdit(ctx, actor, 'indicators');
  const row = await findIndicatorBySlug(ctx.db.kysely, slug);
  if (!row) throw notFound(`Indicator ${slug}`);
  return { row, dependents: await dashboardsShowing(ctx, slug) };
}

/** Deletes an indicator; dashboards showing it need `force` (their tiles then drop it). */
export async function deleteIndicator(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  options: { force: boolean },
) {
  const { row, dependents } = await deletableIndicator(ctx, actor, slug);
  if (dependents.length > 0 && !options.force) {
    throw conflict(
      `Dashboards show this indicator (${dependents.map((d) => d.title).join(', ')}); ` +
        'delete it anyway with force',
      { dependents },
      'has_dependents',
    );
  }
  const at = now();
  await inTransaction(ctx, async (tx) => {
    await deleteIndicatorRow(tx.db.kysely, row.id);
    await recordDeleted(tx.db.kysely, actor, 'indicator', row, at);
  });
  return row;
}

/** A dashboard its editor may delete. Nothing else depends on a dashboard. */
export async function deletableDashboard(ctx: AppContext, actor: Actor, slug: string) {
  await authoriseRegionEdit(ctx, actor, 'dashboards');
  const row = await findDashboardBySlug(ctx.db.kysely, slug);
  if (!row) throw notFound(`Dashboard ${slug}`);
  return row;
}

export async function deleteDashboard(ctx: AppContext, actor: Actor, slug: string) {
  const row = await deletableDashboard(ctx, actor, slug);
  const at = now();
  await inTransaction(ctx, async (tx) => {
    await deleteDashboardRow(tx.db.kysely, row.id);
    await recordDeleted(tx.db.kysely, actor, 'dashboard', row, at);
  });
  return row;
}

/**
 * A promise is being deleted (in `tx`'s transaction): its indicators stay, measuring no promise.
 * The promise tracker calls this; its own policy check has run.
 */
export function detachIndicatorsFrom(tx: AppContext, promiseId: string): Promise<void> {
  return detachIndicatorsOfPromise(tx.db.kysely, promiseId, now());
}
