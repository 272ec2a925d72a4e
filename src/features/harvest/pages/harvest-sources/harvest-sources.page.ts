import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { publishPage } from '../../../../platform/views/page-head.js';
import { PageQuery, type PageQueryInput } from '../../../../platform/views/page-query.js';
import { pagedTitle, paginationFor, rangeText } from '../../../../platform/views/pagination.js';
import { failingSources } from '../../harvest-admin.repository.js';
import { FAILING_RUNS } from '../../harvest-run.service.js';
import { latestRuns, sourcesFor } from '../../harvest-runs.service.js';
import {
  administered,
  pageNumber,
  scheduleLabel,
  statusTag,
  TYPE_LABELS,
} from '../harvest-view.js';

const TEMPLATE = 'features/harvest/pages/harvest-sources/harvest-sources.njk';

/** /publish/harvest: the harvest sources of the organisations the person administers. */
export function harvestSourcesPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: PageQueryInput }>(
    '/publish/harvest',
    { schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const orgs = new Map((await administered(ctx, request.actor)).map((o) => [o.id, o.name]));
      const page = pageNumber(request.query);
      const found = await sourcesFor(ctx, request.actor, { page });
      const runs = await latestRuns(ctx, found.results);
      return reply.page(TEMPLATE, {
        ...publishPage(pagedTitle('Harvest sources', page)),
        heading: 'Harvest sources',
        failingRuns: FAILING_RUNS,
        failingCount: (await failingSources(ctx.db.kysely, FAILING_RUNS)).filter((s) =>
          orgs.has(s.organisation_id),
        ).length,
        total: found.total,
        sources: found.results.map((s) => {
          const run = runs.get(s.id);
          return {
            id: s.id,
            title: s.title,
            organisation: orgs.get(s.organisation_id) ?? '',
            type: TYPE_LABELS[s.type],
            schedule: scheduleLabel(s.interval_minutes, s.cron),
            lastRun: run ? { ...statusTag(run.status), at: run.started_at } : null,
            failing: s.consecutive_failures >= FAILING_RUNS,
            enabled: s.enabled === 1,
          };
        }),
        range: rangeText(page, found.per_page, found.total),
        pagination: paginationFor(
          page,
          found.per_page,
          found.total,
          (n) => `/publish/harvest?page=${String(n)}`,
        ),
      });
    },
  );
}
