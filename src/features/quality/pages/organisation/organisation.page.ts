import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { BodyResponsiveness } from '../../body-responsiveness.js';
import { HOME } from '../../../../platform/views/page-head.js';
import {
  PER_PAGE,
  slugPageSchema,
  type SlugPageRoute,
} from '../../../../platform/views/page-query.js';
import { paginationFor } from '../../../../platform/views/pagination.js';
import { organisationQuality } from '../../quality.service.js';

/** /quality/organisations/{slug}: a body's scores, trend, broken links and overdue datasets. */
export function organisationQualityPage(
  app: FastifyInstance,
  ctx: AppContext,
  requests: BodyResponsiveness,
): void {
  app.get<SlugPageRoute>(
    '/quality/organisations/:slug',
    { schema: slugPageSchema },
    async (request, reply) => {
      const page = request.query.page ?? 1;
      const slug = request.params.slug;
      const q = await organisationQuality(ctx, slug, { page, per_page: PER_PAGE }, requests);
      return reply.page('features/quality/pages/organisation/organisation.njk', {
        pageTitle: `Open data quality: ${q.organisation.name}`,
        breadcrumbs: [
          HOME,
          { text: 'Open data quality', href: '/quality' },
          { text: q.organisation.name, href: `/organisations/${slug}` },
        ],
        ...q,
        responseDays: ctx.config.dataRequestResponseDays,
        // The last 30 snapshots, newest first: a table reads best that way.
        recent: [...q.trend].reverse().slice(0, 30),
        pagination: paginationFor(
          page,
          PER_PAGE,
          q.total,
          (n) => `/quality/organisations/${encodeURIComponent(slug)}?page=${n}`,
        ),
      });
    },
  );
}
