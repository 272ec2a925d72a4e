import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { canEditPromises } from '../../../promises/promise-access.js';
import { publisherHome } from '../../publish.service.js';

/** /publish: the organisations the person publishes for, with all their datasets. */
export function publishHomePage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/publish', async (request, reply) =>
    reply.page('features/publish/pages/home/home.njk', {
      pageTitle: 'Publish data',
      section: 'publish',
      organisations: await publisherHome(ctx, request.actor),
      canEditPromises: await canEditPromises(ctx, request.actor),
    }),
  );
}
