import type { ActivityRow } from '../../../../platform/activity/activity.repository.js';
import { listActivityOfDataset } from '../../../../platform/activity/activity.repository.js';
import { listRecentDatasetActivity } from '../../../../platform/activity/recent-activity.repository.js';
import { readableDatasetRecord, scanCatalogue } from '../../../catalog/index.js';
import { int, str, type CkanAction } from '../../ckan-action.js';
import { loadPackages, type CkanPackage } from '../../ckan-package.js';
import { ckanTime, stableId } from '../../ckan-words.js';

// package_activity_list and recently_changed_packages_activity_list: the catalogue's history
// as CKAN's activity dicts. `data.package` is the dataset as it is now (we keep each change,
// not each state), `data.changes` what that activity changed. Who acted is a stable id derived
// from their name: our public history names people, never their account ids.

const ACTIVITY_TYPE: Record<string, string> = {
  'dataset.created': 'new package',
  'dataset.deleted': 'deleted package',
};

function activityDict(row: ActivityRow, datasetId: string, pkg: CkanPackage | undefined) {
  return {
    id: stableId('activity', String(row.id)),
    timestamp: ckanTime(row.created_at),
    user_id: row.actor_name === null ? null : stableId('user', row.actor_name),
    object_id: datasetId,
    activity_type: ACTIVITY_TYPE[row.action] ?? 'changed package',
    data: { package: pkg ?? null, changes: JSON.parse(row.diff) as unknown, action: row.action },
  };
}

const limits = { default: 31, min: 1, max: 100 };

const packageActivityList: CkanAction = {
  name: 'package_activity_list',
  help: "Return a package's activity stream (newest first).\n\n:param id: the id or name of the package\n:type id: string\n:param offset: where to start getting activity items from (optional, default: ``0``)\n:type offset: int\n:param limit: the maximum number of activities to return (optional, default: ``31``, upper limit: ``100``)\n:type limit: int\n\n:rtype: list of dictionaries",
  run: async (call) => {
    const record = await readableDatasetRecord(call.ctx, call.actor, str(call, 'id', true));
    const limit = int(call, 'limit', limits);
    const offset = int(call, 'offset', { default: 0, min: 0 });
    const [rows, [pkg]] = await Promise.all([
      listActivityOfDataset(call.ctx.db.kysely, record.dataset.id, limit, offset),
      loadPackages(call.ctx, call.actor, [record.dataset.id]),
    ]);
    return rows.map((r) => activityDict(r, record.dataset.id, pkg));
  },
};

const BATCH = 200;

const recentlyChanged: CkanAction = {
  name: 'recently_changed_packages_activity_list',
  help: 'Return the activity stream of all recently added or changed packages (newest first).\n\n:param offset: where to start getting activity items from (optional, default: ``0``)\n:type offset: int\n:param limit: the maximum number of activities to return (optional, default: ``31``, upper limit: ``100``)\n:type limit: int\n\n:rtype: list of dictionaries',
  run: async (call) => {
    const limit = int(call, 'limit', limits);
    const offset = int(call, 'offset', { default: 0, min: 0 });
    // Datasets the caller may read now (private ones the policy allows; drafts and deleted
    // datasets are in no one's stream), then the log read backwards in batches, keeping theirs.
    const scan = await scanCatalogue(call.ctx, call.actor, {
      q: '',
      scored: false,
      includePrivate: true,
      includeDrafts: false,
    });
    const visible = new Set(scan.hits.map(scan.id));
    const kept: (ActivityRow & { dataset_id: string })[] = [];
    let before: number | null = null;
    while (kept.length < offset + limit) {
      const batch = await listRecentDatasetActivity(call.ctx.db.kysely, BATCH, before);
      kept.push(...batch.filter((r) => visible.has(r.dataset_id)));
      if (batch.length < BATCH) break;
      before = batch.at(-1)?.id ?? null;
    }
    const page = kept.slice(offset, offset + limit);
    const packages = await loadPackages(call.ctx, call.actor, [
      ...new Set(page.map((r) => r.dataset_id)),
    ]);
    const byId = new Map(packages.map((p) => [p.id, p]));
    return page.map((r) => activityDict(r, r.dataset_id, byId.get(r.dataset_id)));
  },
};

export const activityActions: CkanAction[] = [packageActivityList, recentlyChanged];
