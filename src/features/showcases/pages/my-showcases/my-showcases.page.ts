import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { authorise } from '../../../accounts/index.js';
import { ownShowcases } from '../../showcase.service.js';

/** /account/showcases: the showcases one has submitted, waiting, published or not approved (why). */
export function myShowcasesPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/account/showcases', { schema: { hide: true } }, async (request, reply) => {
    authorise(request.actor, { type: 'showcase:submit' }, 'You cannot submit showcases');
    const showcases = await ownShowcases(ctx, request.actor);
    return reply.page('features/showcases/pages/my-showcases/my-showcases.njk', {
      pageTitle: 'Your showcases',
      section: 'showcases',
      breadcrumbs: [HOME, { text: 'Showcases', href: '/showcases' }],
      showcases,
    });
  });
}
