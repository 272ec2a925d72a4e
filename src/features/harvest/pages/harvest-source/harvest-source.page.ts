import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import { PageQuery, type PageQueryInput } from '../../../../platform/views/page-query.js';
import { pagedTitle, paginationFor, rangeText } from '../../../../platform/views/pagination.js';
import { licenceById } from '../../../catalog/index.js';
import { FAILING_RUNS } from '../../harvest-run.service.js';
import { requestRun, runsOf, sourceFor } from '../../harvest-runs.service.js';
import type { HarvestFilters } from '../../harvest-record.js';
import {
  HARVEST_CRUMB,
  IdParam,
  organisationName,
  pageNumber,
  scheduleLabel,
  statusTag,
  TYPE_LABELS,
} from '../harvest-view.js';

const TEMPLATE = 'features/harvest/pages/harvest-source/harvest-source.njk';

interface SourceRoute {
  Params: { id: string };
  Querystring: PageQueryInput;
}

const filtersText = (raw: string) => {
  const f = JSON.parse(raw) as HarvestFilters;
  const parts = [
    f.organisation ? `organisation ${f.organisation}` : '',
    f.tag ? `tag ${f.tag}` : '',
    f.query ? `search “${f.query}”` : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join('; ') : 'None: the whole portal';
};

/** /publish/harvest/{id}: a source, its runs (newest first), and "Run now". */
export function harvestSourcePage(app: FastifyInstance, ctx: AppContext): void {
  app.get<SourceRoute>(
    '/publish/harvest/:id',
    { schema: { hide: true, params: IdParam, querystring: PageQuery } },
    async (request, reply) => {
      const source = await sourceFor(ctx, request.actor, request.params.id);
      const page = pageNumber(request.query);
      const runs = await runsOf(ctx, request.actor, source.id, { page });
      return reply.page(TEMPLATE, {
        pageTitle: pagedTitle(source.title, page),
        section: 'publish',
        breadcrumbs: [PUBLISH, HARVEST_CRUMB],
        heading: source.title,
        source,
        organisation: await organisationName(ctx, source.organisation_id),
        type: TYPE_LABELS[source.type],
        schedule: scheduleLabel(source.interval_minutes, source.cron),
        filters: filtersText(source.filters),
        licence: source.default_licence ? licenceById(source.default_licence).title : 'None',
        failing: source.consecutive_failures >= FAILING_RUNS,
        total: runs.total,
        runs: runs.results.map((r) => ({ ...r, tag: statusTag(r.status) })),
        range: rangeText(page, runs.per_page, runs.total),
        pagination: paginationFor(
          page,
          runs.per_page,
          runs.total,
          (n) => `/publish/harvest/${source.id}?page=${String(n)}`,
        ),
      });
    },
  );

  app.post<SourceRoute>(
    '/publish/harvest/:id/run',
    { ...formPost(app), schema: { hide: true, params: IdParam } },
    async (request, reply) => {
      const queued = await requestRun(ctx, request.actor, request.params.id);
      reply.flash(queued ? 'A run was queued' : 'A run is already waiting');
      return reply.redirect(`/publish/harvest/${request.params.id}`, 303);
    },
  );
}
