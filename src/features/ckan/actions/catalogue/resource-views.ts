import { readableResource } from '../../../catalog/index.js';
import { datastoreStatuses } from '../../../datastore/index.js';
import { str, type CkanAction } from '../../ckan-action.js';
import { stableId } from '../../ckan-words.js';

// resource_view_list: the views our pages offer of a resource, as CKAN view dicts. Loaded
// data has its table (CKAN's datatables_view), a chart when a column is numeric, a map when
// rows have a location; an image file is shown as one. Each view's page is in `url`.

const IMAGE_FORMATS = new Set(['PNG', 'JPEG', 'JPG', 'GIF', 'SVG', 'WEBP']);

const resourceViewList: CkanAction = {
  name: 'resource_view_list',
  help: 'Return the list of resource views for a particular resource.\n\n:param id: the id of the resource\n:type id: string\n\n:rtype: list of dictionaries.',
  run: async (call) => {
    const { resource, dataset } = await readableResource(
      call.ctx,
      call.actor,
      str(call, 'id', true),
    );
    const data = (await datastoreStatuses(call.ctx, [resource.id])).get(resource.id);
    const page = `${call.ctx.config.baseUrl}/datasets/${dataset.slug}/resources/${resource.id}`;
    const views: { type: string; title: string; path: string; description: string }[] = [];
    if (data) {
      views.push({
        type: 'datatables_view',
        title: 'Table',
        path: '',
        description: 'The data as a table that can be filtered, sorted and downloaded',
      });
      if (data.numeric) {
        views.push({
          type: 'chart_view',
          title: 'Chart',
          path: '/chart',
          description: 'A chart of the data',
        });
      }
      if (data.geographic) {
        views.push({
          type: 'map_view',
          title: 'Map',
          path: '/map',
          description: 'The rows on a map',
        });
      }
    } else if (IMAGE_FORMATS.has(resource.format.toUpperCase())) {
      views.push({ type: 'image_view', title: 'Image', path: '', description: '' });
    }
    return views.map((v, position) => ({
      id: stableId('view', `${resource.id}:${v.type}`),
      resource_id: resource.id,
      package_id: dataset.id,
      view_type: v.type,
      title: v.title,
      description: v.description,
      position,
      url: `${page}${v.path}`,
      ...(v.type === 'image_view'
        ? {
            image_url: resource.blob_key
              ? `${call.ctx.config.baseUrl}/api/v1/resources/${resource.id}/download`
              : resource.url,
          }
        : {}),
    }));
  },
};

export const resourceViewActions: CkanAction[] = [resourceViewList];
