import type { AppContext } from '../../../context.js';
import {
  claimMetaKey,
  deleteMetaKey,
  findMetaValue,
  setMetaValue,
} from '../../../platform/db/meta.repository.js';

// One refresh at a time across every node: the job queue keeps one refresh waiting, not one
// running, and two refreshes side by side could publish an older table after a newer one. The
// lock is a row of the meta table holding when it was taken; a node that died holding it (a
// refresh takes seconds) loses it after STALE_MS.

const LOCK = 'reports_dataset_refreshing';
const STALE_MS = 15 * 60_000;

/** Runs `work` holding the lock; 'busy' without running it when another refresh holds it. */
export async function withRefreshLock<T>(
  ctx: AppContext,
  work: () => Promise<T>,
): Promise<T | 'busy'> {
  const k = ctx.db.kysely;
  const at = new Date().toISOString();
  if (!(await claimMetaKey(k, LOCK, at))) {
    const since = await findMetaValue(k, LOCK);
    if (since !== undefined && Date.now() - Date.parse(since) < STALE_MS) return 'busy';
    await setMetaValue(k, LOCK, at);
  }
  try {
    return await work();
  } finally {
    await deleteMetaKey(k, LOCK);
  }
}
