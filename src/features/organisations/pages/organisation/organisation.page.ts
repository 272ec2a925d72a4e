import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { slugPageSchema, type SlugPageRoute } from '../../../../platform/views/page-query.js';
import { pagedTitle } from '../../../../platform/views/pagination.js';
import { datasetsWith } from '../../../catalog/index.js';
import type { OrganisationSection } from '../../organisation-sections.js';
import { kindText } from '../../organisation-kind.js';
import { getOrganisation } from '../../organisation.service.js';

/** /organisations/{slug}: a publisher and its datasets, paged. */
export function organisationPage(
  app: FastifyInstance,
  ctx: AppContext,
  sections: readonly OrganisationSection[] = [],
): void {
  app.get<SlugPageRoute>(
    '/organisations/:slug',
    { schema: slugPageSchema },
    async (request, reply) => {
      const org = await getOrganisation(ctx, request.actor, request.params.slug);
      const page = request.query.page ?? 1;
      const panels = await Promise.all(sections.map((section) => section(ctx, org)));
      return reply.page('features/organisations/pages/organisation/organisation.njk', {
        pageTitle: pagedTitle(org.name, page),
        section: 'organisations',
        breadcrumbs: [HOME, { text: 'Publishers', href: '/organisations' }],
        org: { ...org, kindText: kindText(org.kind) },
        panels: panels.filter((p) => p !== null),
        ...(await datasetsWith(ctx, request.actor, 'organisation', org.slug, page)),
      });
    },
  );
}
