import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { resourceLocals } from '../resource/resource-locals.js';
import { resourceForPage } from '../resource/resource-page.service.js';
import { fieldsView } from './fields.view.js';

/** /datasets/:slug/resources/:id/fields: the data dictionary, each field with its stats. */
export function fieldsPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { slug: string; id: string } }>(
    '/datasets/:slug/resources/:id/fields',
    { schema: { hide: true } },
    async (request, reply) => {
      const resource = await resourceForPage(
        ctx,
        request.actor,
        request.params.slug,
        request.params.id,
      );
      return reply.page('features/datastore/pages/fields/fields.njk', {
        ...resourceLocals(resource, 'fields'),
        fields: fieldsView(resource.datastore.fields),
      });
    },
  );
}
