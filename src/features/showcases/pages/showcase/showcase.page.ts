import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { SlugParams } from '../../../../platform/http/schemas.js';
import { HOME } from '../../../../platform/views/page-head.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { can } from '../../../accounts/index.js';
import { getShowcase, readableShowcase } from '../../showcase.service.js';
import { pageShowcase } from '../page-showcase.js';

/** /showcases/{slug}: a showcase with its image, its link and the datasets it uses. */
export function showcasePage(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>(
    '/showcases/:slug',
    { schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const actor = request.actor;
      const row = await readableShowcase(ctx, actor, request.params.slug);
      const showcase = pageShowcase(await getShowcase(ctx, actor, row.slug));
      return reply.page('features/showcases/pages/showcase/showcase.njk', {
        pageTitle: showcase.title,
        section: 'showcases',
        breadcrumbs: [HOME, { text: 'Showcases', href: '/showcases' }],
        showcase,
        canEdit: can(actor, { type: 'showcase:edit', showcase: row }),
        canDelete: can(actor, { type: 'showcase:delete', showcase: row }),
        canModerate: can(actor, { type: 'showcase:moderate' }) && row.status !== 'approved',
      });
    },
  );
}
