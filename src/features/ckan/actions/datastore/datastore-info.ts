import { versionSource } from '../../../datastore/index.js';
import { str, type CkanAction } from '../../ckan-action.js';
import { ckanType, fieldNativeType } from './ckan-types.js';
import { asCkanNotFound } from './not-loaded.js';

// datastore_info: a resource's columns and row count, from its latest datastore version.

export const datastoreInfo: CkanAction = {
  name: 'datastore_info',
  help:
    'Return the metadata and field information of a DataStore resource.\n\n' +
    ':param resource_id: id of the resource we want info about (or `id`)\n' +
    ':returns: meta (id, count, table_type, aliases, size) and fields (id, type, schema, info)\n' +
    ':rtype: dictionary',
  run: async (call) => {
    const id = str(call, 'resource_id') ?? str(call, 'id') ?? str(call, 'resource_id', true);
    const vs = await asCkanNotFound(() => versionSource(call.ctx, call.actor, id, null));
    return {
      meta: {
        id,
        count: vs.version.row_count,
        table_type: 'BASE TABLE',
        aliases: [],
        // The version's Parquet file; there is no index beside it.
        size: vs.version.size,
        idx_size: 0,
        version: vs.version.version,
      },
      fields: vs.fields.map((f) => ({
        id: f.name,
        type: ckanType(f.type),
        schema: {
          native_type: fieldNativeType(f.type),
          index_name: null,
          is_index: false,
          notnull: false,
          uniquekey: false,
        },
        ...(f.source_name ? { info: { label: f.source_name } } : {}),
      })),
    };
  },
};
