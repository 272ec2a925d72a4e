import type { AppContext } from '../../context.js';
import { insertActivity } from '../../platform/activity/activity.repository.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { now } from '../../platform/ids.js';
import type { Actor } from '../accounts/index.js';
import { detachIndicatorsFrom } from '../indicators/index.js';
import { authorisePromiseEdit } from './promise-access.js';
import { deletePromiseRow } from './promise.repository.js';
import { promiseOrFail } from './promise.service.js';

/** A promise its editor may delete (the mayor's office, site admins). */
export async function deletablePromise(ctx: AppContext, actor: Actor, slug: string) {
  await authorisePromiseEdit(ctx, actor);
  return promiseOrFail(ctx, slug);
}

/**
 * Deletes a promise and its status history (a promise recorded by mistake, say): its indicators
 * stay, measuring no promise, and the activity log keeps what it said and who deleted it.
 */
export async function deletePromise(ctx: AppContext, actor: Actor, slug: string) {
  const promise = await deletablePromise(ctx, actor, slug);
  const at = now();
  await inTransaction(ctx, async (tx) => {
    await detachIndicatorsFrom(tx, promise.id);
    await deletePromiseRow(tx.db.kysely, promise.id);
    await insertActivity(tx.db.kysely, {
      actor_id: actor.user?.id ?? null,
      action: 'promise.deleted',
      subject_type: 'promise',
      subject_id: promise.id,
      dataset_id: null,
      organisation_id: promise.owner_id,
      diff: JSON.stringify({
        slug: { from: promise.slug, to: null },
        title: { from: promise.title, to: null },
        status: { from: promise.status, to: null },
      }),
      created_at: at,
    });
  });
  return promise;
}
