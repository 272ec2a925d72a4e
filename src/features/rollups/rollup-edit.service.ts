import type { AppContext } from '../../context.js';
import { diffOf } from '../../platform/activity/diff.js';
import { recordActivity } from '../../platform/activity/record.js';
import type { Rollup } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, validationFailed, type FieldError } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import type { Actor } from '../accounts/index.js';
import { deleteDataset, patchDataset } from '../catalog/index.js';
import { resourceDependents } from '../indicators/index.js';
import { allOrganisations } from '../organisations/index.js';
import { retireNote } from './rollup-dataset.js';
import { queueRebuild } from './rollup-queue.js';
import {
  deleteRollupUnlessBuilding,
  expectedOf,
  membersOf,
  replaceExpected,
  resetMemberChecks,
  updateRollup,
} from './rollup.repository.js';
import { changeableRollup, expectedIds } from './rollup.service.js';
import { schemaErrors, type TableSchema } from './table-schema.js';

// Changing and deleting a roll-up: for the same people as creating one (the owner's
// administrators and site administrators), each in the activity log. A new schema checks every
// member again and rebuilds. Deleting keeps the members' datasets, and keeps the combined
// dataset as last built (no longer rebuilt) unless it is withdrawn too.

/** What a change may set; a field left out keeps its value. */
export interface RollupChanges {
  title?: string | undefined;
  description?: string | undefined;
  schema?: TableSchema | undefined;
  /** Slugs of the organisations expected to contribute: the whole list, replacing the old. */
  expected?: string[] | undefined;
}

/** The slugs of the organisations expected to contribute, sorted. */
export async function expectedSlugs(ctx: AppContext, rollupId: string): Promise<string[]> {
  const slugs = new Map((await allOrganisations(ctx)).map((o) => [o.id, o.slug]));
  const rows = await expectedOf(ctx.db.kysely, [rollupId]);
  return rows.map((e) => slugs.get(e.organisation_id) ?? e.organisation_id).sort();
}

const snapshot = (r: Rollup, expected: string[]) => ({
  title: r.title,
  description: r.description,
  schema: JSON.parse(r.table_schema) as unknown,
  expected_organisations: expected,
});

/**
 * Changes a roll-up, checked as when it was created; the roll-up as it is now, and whether its
 * members are checked again (the schema changed: a rebuild is queued).
 */
export async function changeRollup(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  changes: RollupChanges,
): Promise<{ rollup: Rollup; recheck: boolean }> {
  const { rollup: before, dataset } = await changeableRollup(ctx, actor, slug);
  const errors: FieldError[] = [];
  const title = changes.title?.trim() ?? before.title;
  if (!title) errors.push({ field: 'title', message: 'is empty' });
  if (changes.schema) errors.push(...schemaErrors(changes.schema));
  const expected = changes.expected ? await expectedIds(ctx, changes.expected, errors) : undefined;
  if (errors.length > 0) throw validationFailed(errors);
  const after: Rollup = {
    ...before,
    title,
    description: changes.description?.trim() ?? before.description,
    table_schema: changes.schema ? JSON.stringify(changes.schema) : before.table_schema,
    updated_at: now(),
  };
  const expectedBefore = await expectedSlugs(ctx, before.id);
  const expectedAfter = changes.expected ? [...new Set(changes.expected)].sort() : expectedBefore;
  const diff = diffOf(snapshot(before, expectedBefore), snapshot(after, expectedAfter));
  if (Object.keys(diff).length === 0) return { rollup: before, recheck: false };
  const recheck = 'schema' in diff;
  await inTransaction(ctx, async (tx) => {
    const db = tx.db.kysely;
    await updateRollup(db, before.id, {
      title: after.title,
      description: after.description,
      table_schema: after.table_schema,
      updated_at: after.updated_at,
    });
    if (expected && 'expected_organisations' in diff) {
      await replaceExpected(db, before.id, expected);
    }
    // The reports were about the old schema: each member shows "not checked yet" until the
    // rebuild; those in the table stay in it until then.
    if (recheck) await resetMemberChecks(db, before.id);
    await recordActivity(db, actor, {
      action: 'rollup.updated',
      subject: { type: 'rollup', id: before.id },
      dataset: { id: dataset.id, organisation_id: dataset.organisation_id },
      diff,
      at: after.updated_at,
    });
  });
  if (recheck) await queueRebuild(ctx, before.id);
  return { rollup: after, recheck };
}

/** What deleting the roll-up touches, for its confirmation page. */
export async function rollupDeletion(ctx: AppContext, actor: Actor, slug: string) {
  const { rollup, dataset } = await changeableRollup(ctx, actor, slug);
  const members = await membersOf(ctx.db.kysely, [rollup.id]);
  return {
    rollup,
    dataset,
    members: members.length,
    /** Indicators and dashboards built on the combined table. */
    dependents: rollup.resource_id ? await resourceDependents(ctx, rollup.resource_id) : [],
  };
}

/**
 * Deletes a roll-up with its members list, reports and expected organisations. The members'
 * datasets are not touched. The combined dataset stays, as last built and no longer rebuilt
 * (its description says so), unless `withdrawDataset`: then it is withdrawn (soft-deleted,
 * restorable) in the same transaction. Refused while a rebuild holds the roll-up; a rebuild
 * queued before finds it gone and does nothing.
 */
export async function deleteRollup(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  options: { withdrawDataset: boolean },
): Promise<{ title: string; dataset: { slug: string; title: string }; withdrawn: boolean }> {
  const { rollup, dataset } = await changeableRollup(ctx, actor, slug);
  const at = now();
  const live = dataset.state !== 'deleted';
  const withdraw = options.withdrawDataset && live;
  return inTransaction(ctx, async (tx) => {
    if (!(await deleteRollupUnlessBuilding(tx.db.kysely, rollup.id, at))) {
      throw conflict(
        'A rebuild of this roll-up is under way: delete it once the rebuild has finished',
      );
    }
    if (live) {
      const description = retireNote(dataset.description, rollup.slug, at.slice(0, 10));
      if (description !== null) await patchDataset(tx, actor, dataset.slug, { description });
    }
    if (withdraw) await deleteDataset(tx, actor, dataset.slug);
    await recordActivity(tx.db.kysely, actor, {
      action: 'rollup.deleted',
      subject: { type: 'rollup', id: rollup.id },
      dataset: { id: dataset.id, organisation_id: dataset.organisation_id },
      diff: {
        slug: { from: rollup.slug, to: null },
        title: { from: rollup.title, to: null },
        ...(withdraw && { dataset_state: { from: dataset.state, to: 'deleted' } }),
      },
      at,
    });
    return {
      title: rollup.title,
      dataset: { slug: dataset.slug, title: dataset.title },
      withdrawn: withdraw,
    };
  });
}
