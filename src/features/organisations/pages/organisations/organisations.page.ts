import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { sectionPage } from '../../../../platform/views/page-head.js';
import { listOrganisationsFor } from '../../organisation.service.js';
import { kindText } from '../../organisation-kind.js';

/** /organisations: every publisher with how many datasets the visitor can see. */
export function organisationsPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/organisations', { schema: { hide: true } }, async (request, reply) => {
    const organisations = await listOrganisationsFor(ctx, request.actor);
    return reply.page('features/organisations/pages/organisations/organisations.njk', {
      ...sectionPage('Publishers', 'organisations'),
      organisations: organisations.map((o) => ({
        href: `/organisations/${o.slug}`,
        name: o.name,
        kind: kindText(o.kind),
        count: o.dataset_count,
      })),
    });
  });
}
