import { versionSource } from '../../../datastore/index.js';
import { str, type CkanAction } from '../../ckan-action.js';
import { ckanType } from './ckan-types.js';
import { asCkanNotFound } from './not-loaded.js';

// datastore_info: a resource's columns and row count, from its latest datastore version.

export const datastoreInfo: CkanAction = {
  name: 'datastore_info',
  help:
    'Return the metadata and field information of a DataStore resource.\n\n' +
    ':param id: id of the resource we want info about (or `resource_id`)\n' +
    ':returns: meta (id, count, table_type, aliases) and fields (id, type, info)\n' +
    ':rtype: dictionary',
  run: async (call) => {
    const id = str(call, 'id') ?? str(call, 'resource_id') ?? str(call, 'id', true);
    const vs = await asCkanNotFound(() => versionSource(call.ctx, call.actor, id, null));
    return {
      meta: {
        id,
        count: vs.version.row_count,
        table_type: 'BASE TABLE',
        aliases: [],
        version: vs.version.version,
      },
      fields: vs.fields.map((f) => ({
        id: f.name,
        type: ckanType(f.type),
        schema: { native_type: f.type, notnull: false, is_index: false },
        ...(f.source_name ? { info: { label: f.source_name } } : {}),
      })),
    };
  },
};
