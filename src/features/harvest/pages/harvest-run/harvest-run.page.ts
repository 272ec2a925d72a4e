import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import { PageQuery } from '../../../../platform/views/page-query.js';
import { pagedTitle, paginationFor, rangeText } from '../../../../platform/views/pagination.js';
import { runWithItems, sourceFor } from '../../harvest-runs.service.js';
import { HARVEST_CRUMB, IdParam, pageNumber, statusTag } from '../harvest-view.js';

const TEMPLATE = 'features/harvest/pages/harvest-run/harvest-run.njk';

interface RunRoute {
  Params: { id: string };
  Querystring: { page?: number };
}

/** /publish/harvest/runs/{id}: a run's counts and its log (changes and failures). */
export function harvestRunPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<RunRoute>(
    '/publish/harvest/runs/:id',
    { schema: { hide: true, params: IdParam, querystring: PageQuery } },
    async (request, reply) => {
      const page = pageNumber(request.query);
      const { run, items, per_page } = await runWithItems(ctx, request.actor, request.params.id, {
        page,
      });
      const source = await sourceFor(ctx, request.actor, run.source_id);
      // The log holds the changes and the failures; unchanged datasets are only counted.
      const total = run.created + run.updated + run.withdrawn + run.failed;
      const title = `Run of ${source.title}`;
      return reply.page(TEMPLATE, {
        pageTitle: pagedTitle(title, page),
        section: 'publish',
        breadcrumbs: [
          PUBLISH,
          HARVEST_CRUMB,
          { text: source.title, href: `/publish/harvest/${source.id}` },
        ],
        heading: title,
        run,
        tag: statusTag(run.status),
        items,
        total,
        range: rangeText(page, per_page, total),
        pagination: paginationFor(
          page,
          per_page,
          total,
          (n) => `/publish/harvest/runs/${run.id}?page=${String(n)}`,
        ),
      });
    },
  );
}
