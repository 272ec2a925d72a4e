import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { notFound } from '../../../../platform/errors.js';
import { searchCatalogue } from '../../dataset-search.service.js';
import { listThemes } from '../../taxonomy.service.js';
import { datasetResults } from '../shared/dataset-results.js';
import {
  PageQuery,
  PER_PAGE,
  SlugParam,
  type PageQueryInput,
  type SlugParamInput,
} from '../../../../platform/views/page-query.js';

/** /themes/{slug}: a theme and its datasets, paged. */
export function themePage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: SlugParamInput; Querystring: PageQueryInput }>(
    '/themes/:slug',
    { schema: { hide: true, params: SlugParam, querystring: PageQuery } },
    async (request, reply) => {
      const { slug } = request.params;
      const page = request.query.page ?? 1;
      const theme = (await listThemes(ctx, request.actor)).find((t) => t.slug === slug);
      if (!theme) throw notFound(`Theme ${slug}`);
      const found = await searchCatalogue(ctx, request.actor, {
        theme: slug,
        sort: 'title',
        page,
        per_page: PER_PAGE,
      });
      return reply.page('features/catalog/pages/theme/theme.njk', {
        pageTitle: page > 1 ? `${theme.title} (page ${String(page)})` : theme.title,
        section: 'themes',
        breadcrumbs: [
          { text: 'Home', href: '/' },
          { text: 'Themes', href: '/themes' },
        ],
        theme,
        searchHref: `/datasets?theme=${encodeURIComponent(slug)}`,
        ...datasetResults(found, (n) => `/themes/${slug}${n > 1 ? `?page=${String(n)}` : ''}`),
      });
    },
  );
}
