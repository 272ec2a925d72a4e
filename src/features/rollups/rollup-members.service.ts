import type { AppContext } from '../../context.js';
import { recordActivity } from '../../platform/activity/record.js';
import { conflict, notFound, validationFailed } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import type { Actor } from '../accounts/index.js';
import { readableResource } from '../catalog/index.js';
import { queueRebuild } from './rollup-queue.js';
import { deleteMember, insertMember } from './rollup.repository.js';
import { changeableRollup } from './rollup.service.js';

// A roll-up's members: resources an administrator adds by hand (membership is explicit, so no
// dataset joins a regional table by accident). Each change queues a rebuild.

/** Adds a resource the actor can read; its publisher is its dataset's organisation. */
export async function addRollupMember(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  resourceId: string,
) {
  const { rollup, dataset: output } = await changeableRollup(ctx, actor, slug);
  let found;
  try {
    found = await readableResource(ctx, actor, resourceId);
  } catch {
    throw validationFailed([{ field: 'resource_id', message: 'is not a resource you can see' }]);
  }
  if (found.dataset.id === output.id) {
    throw validationFailed([
      { field: 'resource_id', message: 'is the roll-up’s own table; add the councils’ tables' },
    ]);
  }
  const at = now();
  const added = await insertMember(ctx.db.kysely, {
    rollup_id: rollup.id,
    resource_id: resourceId,
    organisation_id: found.dataset.organisation_id,
    status: 'pending',
    report: null,
    checked_version: null,
    checked_at: null,
    included: 0,
    added_by: actor.user?.id ?? null,
    added_at: at,
  });
  if (!added) throw conflict('That resource is already a member of this roll-up');
  await recordActivity(ctx.db.kysely, actor, {
    action: 'rollup.member-added',
    subject: { type: 'rollup', id: rollup.id },
    dataset: { id: output.id, organisation_id: output.organisation_id },
    diff: { member: { from: null, to: resourceId } },
    at,
  });
  await queueRebuild(ctx, rollup.id);
  return { rollup, resourceId };
}

/** Takes a member out; its rows leave the combined table at the rebuild this queues. */
export async function removeRollupMember(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  resourceId: string,
): Promise<void> {
  const { rollup, dataset: output } = await changeableRollup(ctx, actor, slug);
  if (!(await deleteMember(ctx.db.kysely, rollup.id, resourceId))) {
    throw notFound(`Member ${resourceId} of roll-up ${slug}`);
  }
  await recordActivity(ctx.db.kysely, actor, {
    action: 'rollup.member-removed',
    subject: { type: 'rollup', id: rollup.id },
    dataset: { id: output.id, organisation_id: output.organisation_id },
    diff: { member: { from: resourceId, to: null } },
    at: now(),
  });
  await queueRebuild(ctx, rollup.id);
}
