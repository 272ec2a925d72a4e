import type { AppContext } from '../../context.js';
import type { Actor } from '../accounts/index.js';
import { readableResourceTables, type ResourceTable } from '../catalog/index.js';
import { versionsOf } from './datastore.repository.js';
import type { Field } from './field.js';

// The datastore's resources as the SQL endpoint lists them: each readable resource that has
// data, with its versions and the latest one's columns.

export interface DatastoreTable extends ResourceTable {
  /** Version numbers, newest first. */
  versions: number[];
  rows: number;
  fields: Pick<Field, 'name' | 'type'>[];
}

/** Every table the actor may query, in dataset slug and resource position order. */
export async function queryableTables(ctx: AppContext, actor: Actor): Promise<DatastoreTable[]> {
  const resources = await readableResourceTables(ctx, actor);
  // In slices, so a catalogue of many resources stays within the databases' parameter limits.
  const versions: Awaited<ReturnType<typeof versionsOf>> = [];
  for (let i = 0; i < resources.length; i += 500) {
    const ids = resources.slice(i, i + 500).map((r) => r.resourceId);
    versions.push(...(await versionsOf(ctx.db.kysely, ids)));
  }
  const byResource = new Map<string, typeof versions>();
  for (const v of versions) {
    byResource.set(v.resource_id, [...(byResource.get(v.resource_id) ?? []), v]);
  }
  return resources.flatMap((r) => {
    const of = byResource.get(r.resourceId);
    const latest = of?.[0];
    if (!of || !latest) return [];
    const fields = (JSON.parse(latest.fields) as Field[]).map((f) => ({
      name: f.name,
      type: f.type,
    }));
    return [{ ...r, versions: of.map((v) => v.version), rows: latest.row_count, fields }];
  });
}
