import type { AppContext } from '../../context.js';
import { latestVersionsOf } from './datastore-status.repository.js';
import type { Field } from './field.js';

// What the datastore holds of many resources at once, for lists that show it beside each one
// (the CKAN API's datastore_active and resource views). No policy check: callers pass resources
// of datasets the actor may read, and this says only whether data is loaded and of what kind.

export interface DatastoreStatus {
  version: number;
  rows: number;
  /** When the latest version was loaded. */
  loadedAt: string;
  /** Rows can be drawn on a map (a geometry column or a latitude/longitude pair). */
  geographic: boolean;
  /** Some column is numeric: there is something to chart. */
  numeric: boolean;
}

export async function datastoreStatuses(
  ctx: AppContext,
  resourceIds: string[],
): Promise<Map<string, DatastoreStatus>> {
  const out = new Map<string, DatastoreStatus>();
  // In slices, within the databases' parameter limits.
  for (let i = 0; i < resourceIds.length; i += 500) {
    for (const v of await latestVersionsOf(ctx.db.kysely, resourceIds.slice(i, i + 500))) {
      const fields = JSON.parse(v.fields) as Field[];
      out.set(v.resource_id, {
        version: v.version,
        rows: v.row_count,
        loadedAt: v.created_at,
        geographic: v.geometry !== null,
        numeric: fields.some((f) => f.type === 'integer' || f.type === 'decimal'),
      });
    }
  }
  return out;
}
