import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { datasetResults, searchCatalogue } from '../../../catalog/index.js';
import {
  PageQuery,
  PER_PAGE,
  SlugParam,
  type PageQueryInput,
  type SlugParamInput,
} from '../../../../platform/views/page-query.js';
import { kindText } from '../../organisation-kind.js';
import { getOrganisation } from '../../organisation.service.js';

/** /organisations/{slug}: a publisher and its datasets, paged. */
export function organisationPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: SlugParamInput; Querystring: PageQueryInput }>(
    '/organisations/:slug',
    { schema: { hide: true, params: SlugParam, querystring: PageQuery } },
    async (request, reply) => {
      const { slug } = request.params;
      const page = request.query.page ?? 1;
      const org = await getOrganisation(ctx, request.actor, slug);
      const found = await searchCatalogue(ctx, request.actor, {
        organisation: slug,
        sort: 'title',
        page,
        per_page: PER_PAGE,
      });
      return reply.page('features/organisations/pages/organisation/organisation.njk', {
        pageTitle: page > 1 ? `${org.name} (page ${String(page)})` : org.name,
        section: 'organisations',
        breadcrumbs: [
          { text: 'Home', href: '/' },
          { text: 'Publishers', href: '/organisations' },
        ],
        org: { ...org, kindText: kindText(org.kind) },
        searchHref: `/datasets?organisation=${encodeURIComponent(slug)}`,
        ...datasetResults(
          found,
          (n) => `/organisations/${slug}${n > 1 ? `?page=${String(n)}` : ''}`,
        ),
      });
    },
  );
}
