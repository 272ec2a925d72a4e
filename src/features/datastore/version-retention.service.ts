import type { AppContext } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { validationFailed } from '../../platform/errors.js';
import { authorise, type Actor } from '../accounts/index.js';
import { readableResource } from '../catalog/index.js';
import { deleteVersions, versionsBeyond } from './datastore.repository.js';
import { downloadPrefix } from './export-build.js';

// Versions are immutable and kept, so a link to `@n` or `?version=n` keeps its answer. A table
// republished by a machine every few minutes (the citizen reports) would keep thousands a day,
// so its publisher may keep only the newest ones: older versions are forgotten with their
// loads, and their files removed. A link to a forgotten version answers 404 like any unknown
// version; the latest is never touched.

/** Forgets all but the newest `keep` versions of a resource; returns how many went. */
export async function pruneVersions(
  ctx: AppContext,
  actor: Actor,
  resourceId: string,
  keep: number,
): Promise<number> {
  if (!Number.isInteger(keep) || keep < 1) {
    throw validationFailed([{ field: 'keep', message: 'must be a whole number of at least 1' }]);
  }
  const { dataset } = await readableResource(ctx, actor, resourceId);
  authorise(
    actor,
    { type: 'dataset:update', dataset },
    'You cannot change the data of this resource',
  );
  const old = await inTransaction(ctx, async (tx) => {
    const rows = await versionsBeyond(tx.db.kysely, resourceId, keep);
    await deleteVersions(tx.db.kysely, resourceId, rows);
    return rows;
  });
  // After the commit: no reader is sent to these files any more. One that opened a file just
  // before may fail its query; it asked for data that is no longer published.
  // Their built downloads' rows went with them (a foreign key); their files go here.
  for (const v of old) {
    await ctx.blobs.delete(v.blob_key).catch(() => undefined);
    await ctx.blobs.deletePrefix(downloadPrefix(resourceId, v.version)).catch(() => undefined);
  }
  return old.length;
}
