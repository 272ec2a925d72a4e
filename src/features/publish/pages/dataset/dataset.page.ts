import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { requireSignIn } from '../../../accounts/pages/page-helpers.js';
import { datasetForPublisher } from '../../publish.service.js';

/** A dataset as its publisher manages it: details, files with their latest load, actions. */
export function publishDatasetPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { slug: string } }>(
    '/publish/datasets/:slug',
    { onRequest: requireSignIn },
    async (request, reply) => {
      const dataset = await datasetForPublisher(ctx, request.actor, request.params.slug);
      return reply.page('features/publish/pages/dataset/dataset.njk', {
        pageTitle: dataset.title,
        section: 'publish',
        breadcrumbs: [
          { text: 'Publish', href: '/publish' },
          { text: dataset.organisation.name, href: '/publish' },
        ],
        dataset,
      });
    },
  );
}
