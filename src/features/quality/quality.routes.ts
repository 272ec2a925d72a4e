import type { AppContext } from '../../context.js';
import { operations } from '../../platform/http/operations.js';
import { ListQuery, SlugParams } from '../../platform/http/schemas.js';
import type { Api } from '../../platform/http/types.js';
import type { BodyResponsiveness } from './body-responsiveness.js';
import {
  DatasetQuality,
  LeaguePage,
  OrganisationQuality,
  RecheckQueued,
} from './quality.responses.js';
import {
  datasetQuality,
  leagueTable,
  organisationQuality,
  recheckLinks,
} from './quality.service.js';

const op = operations('quality');

export function qualityRoutes(app: Api, ctx: AppContext, requests: BodyResponsiveness): void {
  app.get(
    '/api/v1/quality/datasets/:slug',
    op.read(DatasetQuality, {
      summary: 'A dataset’s openness stars and metadata quality, with the fix for each gap',
      params: SlugParams,
    }),
    (request) => datasetQuality(ctx, request.actor, request.params.slug),
  );

  app.post(
    '/api/v1/quality/datasets/:slug/recheck',
    op.update(RecheckQueued, {
      summary: 'Check the dataset’s links again (its publishers)',
      params: SlugParams,
    }),
    (request) => recheckLinks(ctx, request.actor, request.params.slug),
  );

  app.get(
    '/api/v1/quality/organisations',
    op.list(LeaguePage, {
      summary: 'The league table: each body’s scores and responsiveness, the best overall first',
      querystring: ListQuery(),
    }),
    (request) => leagueTable(ctx, request.query, requests),
  );

  app.get(
    '/api/v1/quality/organisations/:slug',
    op.read(OrganisationQuality, {
      summary:
        'A body’s scores, trend, broken links, stale datasets, data requests and its datasets’ scores',
      params: SlugParams,
      querystring: ListQuery(),
    }),
    async (request) => {
      const q = await organisationQuality(ctx, request.params.slug, request.query, requests);
      return {
        total: q.total,
        page: q.page,
        per_page: q.per_page,
        results: q.results,
        score: q.score,
        responsiveness: q.responsiveness,
        trend: q.trend,
        broken_links: q.broken_links,
        stale_datasets: q.stale_datasets,
      };
    },
  );
}
