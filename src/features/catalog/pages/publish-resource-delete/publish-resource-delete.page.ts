import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import {
  confirmDeletePage,
  deletedRedirect,
} from '../../../../platform/views/forms/confirm-delete.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import type { CatalogExtensions } from '../../resource-data.js';
import { deletableResource, deleteResource } from '../../resource-delete.service.js';

interface Params {
  Params: { id: string };
}

/** /publish/resources/{id}/delete: what deleting a resource breaks, then the deletion. */
export function deleteResourcePages(
  app: FastifyInstance,
  ctx: AppContext,
  ext: CatalogExtensions,
): void {
  app.get<Params>('/publish/resources/:id/delete', async (request, reply) => {
    const { resource, dataset, dependents } = await deletableResource(
      ctx,
      request.actor,
      request.params.id,
      ext,
    );
    return confirmDeletePage(reply, {
      kind: 'resource',
      name: resource.name,
      paragraphs: [
        resource.blob_key
          ? 'Its file and its data in the datastore (every version) are deleted for good: ' +
            'downloads, the table, charts, maps and the API stop at once.'
          : 'The link is removed from the dataset.',
        'The dataset’s history keeps a record of what was deleted, and by whom.',
      ],
      dependents,
      action: `/publish/resources/${resource.id}/delete`,
      back: { text: dataset.title, href: `/publish/datasets/${dataset.slug}` },
    });
  });

  app.post<Params>('/publish/resources/:id/delete', formPost(app), async (request, reply) => {
    const done = await deleteResource(ctx, request.actor, request.params.id, ext, {
      force: field(request.body, 'force') === 'true',
    });
    return deletedRedirect(reply, 'resource', done.name, `/publish/datasets/${done.dataset.slug}`);
  });
}
