import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { notFound } from '../../../../platform/errors.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { slugPageSchema, type SlugPageRoute } from '../../../../platform/views/page-query.js';
import { pagedTitle } from '../../../../platform/views/pagination.js';
import { listThemes } from '../../taxonomy.service.js';
import { datasetsWith } from '../shared/dataset-results.js';

/** /themes/{slug}: a theme and its datasets, paged. */
export function themePage(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugPageRoute>('/themes/:slug', { schema: slugPageSchema }, async (request, reply) => {
    const { slug } = request.params;
    const theme = (await listThemes(ctx, request.actor)).find((t) => t.slug === slug);
    if (!theme) throw notFound(`Theme ${slug}`);
    const page = request.query.page ?? 1;
    return reply.page('features/catalog/pages/theme/theme.njk', {
      pageTitle: pagedTitle(theme.title, page),
      section: 'themes',
      breadcrumbs: [HOME, { text: 'Themes', href: '/themes' }],
      theme,
      ...(await datasetsWith(ctx, request.actor, 'theme', slug, page)),
    });
  });
}
