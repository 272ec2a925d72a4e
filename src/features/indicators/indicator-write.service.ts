import { joinTransaction } from '../../platform/db/transaction.js';
import type { AppContext } from '../../context.js';
import type { IndicatorRow } from '../../platform/db/schema.js';
import { DomainError, conflict, notFound, validationFailed } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { type Actor, authorise } from '../accounts/index.js';
import { combinedAuthorityIds } from '../organisations/index.js';
import { readableResource } from '../catalog/index.js';
import type { IndicatorCreateInput, IndicatorUpdateInput } from './indicator.schemas.js';
import type { IndicatorDetail } from './indicator.types.js';
import { recordSaved } from './indicator-activity.js';
import { detail, queryOf } from './indicator-summary.js';
import { indicatorValues } from './indicator-values.js';
import {
  findIndicatorBySlug,
  insertIndicator,
  updateIndicator as writeIndicator,
} from './indicator.repository.js';

export async function authoriseRegionEdit(ctx: AppContext, actor: Actor, what: string) {
  authorise(
    actor,
    { type: 'indicator:edit', combinedAuthorityIds: await combinedAuthorityIds(ctx) },
    `Only site administrators and the combined authority's editors may change ${what}`,
  );
}

/** Snapshot of the fields an editor sets, for the activity diff. */
const snapshot = (r: IndicatorRow) => ({
  title: r.title,
  description: r.description,
  unit: r.unit,
  direction: r.direction,
  resource_id: r.resource_id,
  query: JSON.parse(r.query) as unknown,
  baseline: { value: r.baseline_value, date: r.baseline_date },
  target: { value: r.target_value, date: r.target_date },
  promise_id: r.promise_id,
});

/**
 * Checks what the schema cannot: the resource exists for this editor, the dates are in order,
 * and the query runs on the resource's data (its fields exist and suit the aggregates).
 */
async function check(ctx: AppContext, actor: Actor, row: IndicatorRow) {
  try {
    await readableResource(ctx, actor, row.resource_id);
  } catch {
    throw validationFailed([{ field: 'resource_id', message: 'no such resource' }]);
  }
  if (row.baseline_date >= row.target_date) {
    throw validationFailed([
      { field: 'target', message: 'the target date must be after the baseline date' },
    ]);
  }
  try {
    return await indicatorValues(ctx, actor, row.resource_id, queryOf(row));
  } catch (err) {
    if (err instanceof DomainError && err.kind !== 'unavailable') {
      throw validationFailed([{ field: 'query', message: err.message }]);
    }
    throw err;
  }
}

async function save(ctx: AppContext, actor: Actor, before: IndicatorRow | null, row: IndicatorRow) {
  await joinTransaction(ctx.db.kysely, async (trx) => {
    if (before) await writeIndicator(trx, row.id, row);
    else await insertIndicator(trx, row);
    await recordSaved(trx, actor, 'indicator', before, row, snapshot);
  });
}

/** Saves an indicator its editor made or changed once it checks out, with its values. */
async function checkAndSave(
  ctx: AppContext,
  actor: Actor,
  before: IndicatorRow | null,
  row: IndicatorRow,
): Promise<IndicatorDetail> {
  const values = await check(ctx, actor, row);
  await save(ctx, actor, before, row);
  return detail(row, values);
}

export async function createIndicator(
  ctx: AppContext,
  actor: Actor,
  input: IndicatorCreateInput,
): Promise<IndicatorDetail> {
  await authoriseRegionEdit(ctx, actor, 'indicators');
  if (await findIndicatorBySlug(ctx.db.kysely, input.slug)) {
    throw conflict(`An indicator with slug ${input.slug} already exists`);
  }
  const at = now();
  const row: IndicatorRow = {
    id: newId(),
    slug: input.slug,
    title: input.title,
    description: input.description ?? '',
    unit: input.unit ?? '',
    direction: input.direction ?? 'up',
    resource_id: input.resource_id,
    query: JSON.stringify(input.query),
    baseline_value: input.baseline.value,
    baseline_date: input.baseline.date,
    target_value: input.target.value,
    target_date: input.target.date,
    promise_id: input.promise_id ?? null,
    created_by: actor.user?.id ?? null,
    created_at: at,
    updated_at: at,
  };
  return checkAndSave(ctx, actor, null, row);
}

export async function updateIndicator(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  input: IndicatorUpdateInput,
): Promise<IndicatorDetail> {
  await authoriseRegionEdit(ctx, actor, 'indicators');
  const before = await findIndicatorBySlug(ctx.db.kysely, slug);
  if (!before) throw notFound(`Indicator ${slug}`);
  const row: IndicatorRow = {
    ...before,
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.unit !== undefined ? { unit: input.unit } : {}),
    ...(input.direction !== undefined ? { direction: input.direction } : {}),
    ...(input.resource_id !== undefined ? { resource_id: input.resource_id } : {}),
    ...(input.query !== undefined ? { query: JSON.stringify(input.query) } : {}),
    ...(input.baseline
      ? { baseline_value: input.baseline.value, baseline_date: input.baseline.date }
      : {}),
    ...(input.target ? { target_value: input.target.value, target_date: input.target.date } : {}),
    ...(input.promise_id !== undefined ? { promise_id: input.promise_id } : {}),
    updated_at: now(),
  };
  return checkAndSave(ctx, actor, before, row);
}

/** Links an indicator to a promise (or unlinks it with null); a promise may have several. */
export async function attachIndicatorToPromise(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  promiseId: string | null,
): Promise<void> {
  await authoriseRegionEdit(ctx, actor, 'indicators');
  const before = await findIndicatorBySlug(ctx.db.kysely, slug);
  if (!before) throw notFound(`Indicator ${slug}`);
  if (before.promise_id === promiseId) return;
  await save(ctx, actor, before, { ...before, promise_id: promiseId, updated_at: now() });
}
