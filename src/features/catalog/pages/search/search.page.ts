import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { SearchQuery, type SearchQueryInput } from '../../catalog.schemas.js';
import { searchCatalogue } from '../../dataset-search.service.js';
import { searchStateOf } from './search-url.js';
import { searchView } from './search.view.js';

/** /datasets: full-text search with facets; the URL holds the whole state. */
export function searchPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: SearchQueryInput }>(
    '/datasets',
    { schema: { hide: true, querystring: SearchQuery } },
    async (request, reply) => {
      const state = searchStateOf(request.query);
      const found = await searchCatalogue(ctx, request.actor, {
        ...state.filters,
        q: state.q,
        ...(state.sort ? { sort: state.sort } : {}),
        page: state.page,
        ...(state.perPage ? { per_page: state.perPage } : {}),
      });
      const view = searchView(state, found);
      const last = Math.max(1, Math.ceil(found.total / found.per_page));
      const pageNote = last > 1 ? ` (page ${String(state.page)} of ${String(last)})` : '';
      return reply.page('features/catalog/pages/search/search.njk', {
        pageTitle: (state.q ? `Datasets matching ‘${state.q}’` : 'Datasets') + pageNote,
        heading: 'Find open data',
        section: 'datasets',
        ...view,
      });
    },
  );
}
