import type { AppContext } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { now } from '../../platform/ids.js';
import type { Actor } from '../accounts/index.js';
import { detachIndicatorsFrom } from '../indicators/index.js';
import { recordPromiseChange } from './promise-activity.js';
import { editablePromise } from './promise-access.js';
import { deletePromiseRow } from './promise.repository.js';

/**
 * Deletes a promise and its status history (a promise recorded by mistake, say): its indicators
 * stay, measuring no promise, and the activity log keeps what it said and who deleted it.
 */
export async function deletePromise(ctx: AppContext, actor: Actor, slug: string) {
  const promise = await editablePromise(ctx, actor, slug);
  const at = now();
  await inTransaction(ctx, async (tx) => {
    await detachIndicatorsFrom(tx, promise.id);
    await deletePromiseRow(tx.db.kysely, promise.id);
    const diff = {
      slug: { from: promise.slug, to: null },
      title: { from: promise.title, to: null },
      status: { from: promise.status, to: null },
    };
    await recordPromiseChange(tx.db.kysely, actor, 'promise.deleted', promise, diff, at);
  });
  return promise;
}
