import type { AppContext } from '../../context.js';
import type { ResourceData, ResourceDataSummary } from '../catalog/index.js';
import { scheduleBlobDeletion } from '../../platform/blobs/garbage.repository.js';
import { now } from '../../platform/ids.js';
import { deleteDataOfResource, findVersion, listLoads } from './datastore.repository.js';
import { loadAfterUpload, loadView } from './datastore.service.js';
import type { Field } from './field.js';
import { isLoadable } from './load.service.js';

async function summary(ctx: AppContext, resourceId: string): Promise<ResourceDataSummary | null> {
  const [version, loads] = await Promise.all([
    findVersion(ctx.db.kysely, resourceId, null),
    listLoads(ctx.db.kysely, resourceId, 1),
  ]);
  const load = loads[0];
  if (!version && !load) return null;
  return {
    version: version?.version ?? null,
    rows: version?.row_count ?? null,
    fields: version ? (JSON.parse(version.fields) as Field[]).map((f) => f.name) : [],
    latest_load: load ? loadView(load) : null,
  };
}

/** The datastore's side of the catalogue's resources (the port the catalogue defines). */
export const datastoreResourceData: ResourceData = {
  async summaries(ctx, resourceIds) {
    const found = await Promise.all(resourceIds.map((id) => summary(ctx, id)));
    return new Map(
      resourceIds.flatMap((id, i) => {
        const s = found[i];
        return s ? [[id, s] as const] : [];
      }),
    );
  },
  holds: isLoadable,
  fileAdded: (ctx, actor, resourceId, staged, wait) =>
    loadAfterUpload(ctx, actor, resourceId, wait, staged),
  async deleted(tx, resourceId) {
    await deleteDataOfResource(tx.db.kysely, resourceId);
    // Every version's Parquet file is under the resource's own prefix (load.service.ts).
    await scheduleBlobDeletion(tx.db.kysely, `datastore/${resourceId}/`, now());
  },
};
