import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { datasetForPublisher } from '../../publisher.service.js';
import type { ResourceData } from '../../resource-data.js';

/** A dataset as its publisher manages it: details, files with their latest load, actions. */
export function publishDatasetPage(
  app: FastifyInstance,
  ctx: AppContext,
  data: ResourceData,
): void {
  app.get<SlugRoute>('/publish/datasets/:slug', async (request, reply) => {
    const dataset = await datasetForPublisher(ctx, request.actor, request.params.slug, data);
    return reply.page('features/catalog/pages/publish-dataset/publish-dataset.njk', {
      pageTitle: dataset.title,
      section: 'publish',
      breadcrumbs: [PUBLISH, { text: dataset.organisation.name, href: '/publish' }],
      dataset,
    });
  });
}
