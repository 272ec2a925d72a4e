import type { AppContext } from '../../context.js';
import { latestDiff } from '../../platform/activity/activity.repository.js';
import type { Diff } from '../../platform/activity/diff.js';
import type { Dataset } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { notFound, validationFailed } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import { type Actor, authorise } from '../accounts/index.js';
import { updateDataset } from './dataset.repository.js';
import { getDataset, readableDataset, recordDatasetChange } from './dataset.service.js';

// A dataset's life after it is made: deleted softly, and restored to the state it had.

async function setState(
  ctx: AppContext,
  actor: Actor,
  dataset: Dataset,
  state: Dataset['state'],
  action: string,
): Promise<void> {
  const after: Dataset = { ...dataset, state, modified_at: now() };
  // Joins the caller's transaction, if any (deleting a harvest source withdraws its datasets).
  await inTransaction(ctx, async (tx) => {
    const trx = tx.db.kysely;
    await updateDataset(trx, dataset.id, { state, modified_at: after.modified_at });
    await recordDatasetChange(trx, actor, after, {
      action,
      diff: { state: { from: dataset.state, to: state } },
    });
  });
}

export async function deleteDataset(ctx: AppContext, actor: Actor, slug: string): Promise<void> {
  const dataset = await readableDataset(ctx, actor, slug);
  if (dataset.state === 'deleted') throw notFound(`Dataset ${slug}`);
  authorise(actor, { type: 'dataset:delete', dataset }, 'You cannot delete this dataset');
  await setState(ctx, actor, dataset, 'deleted', 'dataset.deleted');
}

/** Undoes a soft delete, back to the state the dataset had before it. */
export async function restoreDataset(ctx: AppContext, actor: Actor, slug: string) {
  const dataset = await readableDataset(ctx, actor, slug);
  if (dataset.state !== 'deleted') {
    throw validationFailed([{ field: 'state', message: 'the dataset is not deleted' }]);
  }
  authorise(actor, { type: 'dataset:restore', dataset }, 'You cannot restore this dataset');
  const diff = await latestDiff(ctx.db.kysely, dataset.id, 'dataset.deleted');
  const previous = diff ? (JSON.parse(diff) as Diff).state?.from : undefined;
  const state = previous === 'draft' ? 'draft' : 'active';
  await setState(ctx, actor, dataset, state, 'dataset.restored');
  return getDataset(ctx, actor, slug);
}
