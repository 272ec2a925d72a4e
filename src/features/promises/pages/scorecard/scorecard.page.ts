import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { themeTitlesBySlug } from '../../../catalog/index.js';
import { PromiseFiltersQuery, type PromiseFilters } from '../../promise.schemas.js';
import { scorecard } from '../../promise.service.js';
import { isStatus } from '../../promise-status.js';
import { scorecardView } from './scorecard.view.js';

const listOf = (v: string | string[] | undefined) =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** /promises: the scorecard, "Day N of the mayor's term"; the URL holds the filters. */
export function scorecardPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: PromiseFilters }>(
    '/promises',
    { schema: { hide: true, querystring: PromiseFiltersQuery } },
    async (request, reply) => {
      const state = {
        statuses: listOf(request.query.status).filter(isStatus),
        themes: listOf(request.query.theme),
      };
      const [data, titles] = await Promise.all([
        scorecard(ctx, request.actor, request.query),
        themeTitlesBySlug(ctx),
      ]);
      const themes = [...titles].map(([slug, title]) => ({ slug, title }));
      const view = scorecardView(data, state, themes);
      const filtered = view.active.length > 0 ? ' (filtered)' : '';
      return reply.page('features/promises/pages/scorecard/scorecard.njk', {
        pageTitle: `The mayor’s promises${filtered}`,
        section: 'promises',
        ...view,
      });
    },
  );
}
