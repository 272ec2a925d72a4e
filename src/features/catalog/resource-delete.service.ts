import type { AppContext } from '../../context.js';
import { scheduleBlobDeletion } from '../../platform/blobs/garbage.repository.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import { type Actor, authorise } from '../accounts/index.js';
import type { CatalogExtensions, Dependent } from './resource-data.js';
import { deleteResourceRow } from './resource.repository.js';
import { readableResource, recordResourceChange } from './resource.service.js';

/** A resource the actor may delete, with what would break if they did. */
export async function deletableResource(
  ctx: AppContext,
  actor: Actor,
  id: string,
  ext: CatalogExtensions,
) {
  const found = await readableResource(ctx, actor, id);
  authorise(
    actor,
    { type: 'dataset:update', dataset: found.dataset },
    'You cannot delete the resources of this dataset',
  );
  const lists = await Promise.all(ext.dependents.map((of) => of(ctx, id)));
  return { ...found, dependents: lists.flat() };
}

/**
 * Deletes a resource for good: its row, its datastore versions and loads go in one transaction
 * with the activity record, so nothing serves them from the next request on; its files are
 * removed from the blob store by the background sweep. If something is built on it (an
 * indicator), the caller must say `force`, having been shown what will break.
 */
export async function deleteResource(
  ctx: AppContext,
  actor: Actor,
  id: string,
  ext: CatalogExtensions,
  options: { force: boolean },
): Promise<{ dataset: { slug: string }; name: string; dependents: Dependent[] }> {
  const { resource, dataset, dependents } = await deletableResource(ctx, actor, id, ext);
  if (dependents.length > 0 && !options.force) {
    throw conflict(
      `${dependents.map((d) => `${d.kind} “${d.title}”`).join(', ')} would stop working; ` +
        'delete it anyway with force',
      { dependents },
      'has_dependents',
    );
  }
  const at = now();
  await inTransaction(ctx, async (tx) => {
    const k = tx.db.kysely;
    await ext.data.deleted(tx, id);
    await deleteResourceRow(k, id);
    await scheduleBlobDeletion(k, `resources/${id}/`, at);
    await recordResourceChange(k, actor, dataset, id, at, {
      action: 'resource.deleted',
      diff: {
        name: { from: resource.name, to: null },
        format: { from: resource.format, to: null },
        ...(resource.url ? { url: { from: resource.url, to: null } } : {}),
        ...(resource.sha256 ? { size: { from: resource.size, to: null } } : {}),
      },
    });
  });
  return { dataset: { slug: dataset.slug }, name: resource.name, dependents };
}
