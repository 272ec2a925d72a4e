import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { sectionPage } from '../../../platform/views/page-head.js';
import { involvement } from '../get-involved.service.js';

/** /get-involved: the ways to take part, each with what is live in it now. */
export function getInvolvedPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/get-involved', { schema: { hide: true } }, async (request, reply) =>
    reply.page('features/get-involved/pages/get-involved.njk', {
      ...sectionPage('Get involved', 'get-involved'),
      live: await involvement(ctx, request.actor),
    }),
  );
}
