import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { BodyResponsiveness } from '../../body-responsiveness.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { PageQuery, PER_PAGE, type PageQueryInput } from '../../../../platform/views/page-query.js';
import { paginationFor } from '../../../../platform/views/pagination.js';
import { leagueTable } from '../../quality.service.js';

/** /quality: the region's bodies compared on openness and metadata quality. */
export function leaguePage(
  app: FastifyInstance,
  ctx: AppContext,
  requests: BodyResponsiveness,
): void {
  app.get<{ Querystring: PageQueryInput }>(
    '/quality',
    { schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const page = request.query.page ?? 1;
      const table = await leagueTable(ctx, { page, per_page: PER_PAGE }, requests);
      return reply.page('features/quality/pages/league/league.njk', {
        pageTitle: 'Open data quality: how the bodies compare',
        breadcrumbs: [HOME],
        rows: table.results.map((r, i) => ({ ...r, rank: (page - 1) * PER_PAGE + i + 1 })),
        total: table.total,
        responseDays: ctx.config.dataRequestResponseDays,
        pagination: paginationFor(page, PER_PAGE, table.total, (n) => `/quality?page=${n}`),
      });
    },
  );
}
