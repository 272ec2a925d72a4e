import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { resourceLocals } from '../resource/resource-locals.js';
import { resourceViewRoute } from '../resource/resource-view-route.js';
import { fieldsView } from './fields.view.js';

/** /datasets/:slug/resources/:id/fields: the data dictionary, each field with its stats. */
export function fieldsPage(app: FastifyInstance, ctx: AppContext): void {
  resourceViewRoute(app, ctx, 'fields', (resource, reply) =>
    reply.page('features/datastore/pages/fields/fields.njk', {
      ...resourceLocals(resource, 'fields'),
      fields: fieldsView(resource.datastore.fields),
    }),
  );
}
