import type { AppContext } from '../../context.js';
import type { ResourceData, ResourceDataSummary } from '../catalog/index.js';
import { scheduleBlobDeletion } from '../../platform/blobs/garbage.repository.js';
import { now } from '../../platform/ids.js';
import { latestLoadsOf, latestVersionsOf } from './datastore-status.repository.js';
import { deleteDataOfResource } from './datastore.repository.js';
import { loadAfterUpload, loadView } from './datastore.service.js';
import type { Field } from './field.js';
import { isLoadable } from './load.service.js';

/** In slices, within the databases' parameter limits. */
const SLICE = 500;

/** Each resource's latest version and latest load, two queries for a whole dataset's resources. */
async function summariesOf(
  ctx: AppContext,
  resourceIds: string[],
): Promise<Map<string, ResourceDataSummary>> {
  const out = new Map<string, ResourceDataSummary>();
  for (let i = 0; i < resourceIds.length; i += SLICE) {
    const ids = resourceIds.slice(i, i + SLICE);
    const [versions, loads] = await Promise.all([
      latestVersionsOf(ctx.db.kysely, ids),
      latestLoadsOf(ctx.db.kysely, ids),
    ]);
    const versionOf = new Map(versions.map((v) => [v.resource_id, v]));
    const loadOf = new Map(loads.map((l) => [l.resource_id, l]));
    for (const id of ids) {
      const version = versionOf.get(id);
      const load = loadOf.get(id);
      if (!version && !load) continue;
      out.set(id, {
        version: version?.version ?? null,
        rows: version?.row_count ?? null,
        fields: version ? (JSON.parse(version.fields) as Field[]).map((f) => f.name) : [],
        latest_load: load ? loadView(load) : null,
      });
    }
  }
  return out;
}

/** The datastore's side of the catalogue's resources (the port the catalogue defines). */
export const datastoreResourceData: ResourceData = {
  summaries: summariesOf,
  holds: isLoadable,
  fileAdded: (ctx, actor, resourceId, staged, wait) =>
    loadAfterUpload(ctx, actor, resourceId, wait, staged),
  async deleted(tx, resourceId) {
    await deleteDataOfResource(tx.db.kysely, resourceId);
    // Every version's Parquet file is under the resource's own prefix (load.service.ts).
    await scheduleBlobDeletion(tx.db.kysely, `datastore/${resourceId}/`, now());
  },
};
