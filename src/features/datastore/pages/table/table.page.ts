import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { DomainError } from '../../../../platform/errors.js';
import { queryResource, type QueryResult } from '../../query.service.js';
import { resourceLocals, resourcePath } from '../resource/resource-locals.js';
import {
  isLoaded,
  resourceForPage,
  type ResourcePageRoute,
} from '../resource/resource-page.service.js';
import {
  checkFilters,
  tableQuery,
  tableStateOf,
  type FormError,
  type RawQuery,
} from './table-params.js';
import { tableView } from './table.view.js';
import { sqlLink } from './sql-link.js';

/**
 * /datasets/:slug/resources/:id, the table: paged, sorted and filtered on the server by GET
 * links and a GET form, so it all works without JavaScript.
 */
export function tablePage(app: FastifyInstance, ctx: AppContext): void {
  app.get<ResourcePageRoute & { Querystring: RawQuery }>(
    '/datasets/:slug/resources/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const resource = await resourceForPage(ctx, request);
      const { id } = request.params;
      const state = tableStateOf(request.query);
      const locals = resourceLocals(resource, 'table');
      if (!isLoaded(resource)) {
        return reply.page('features/datastore/pages/table/table.njk', locals);
      }
      let errors: FormError[] = checkFilters(state.filters, resource.datastore.fields);
      let result: QueryResult | null = null;
      if (errors.length === 0) {
        try {
          result = await queryResource(ctx, request.actor, id, tableQuery(state));
        } catch (err) {
          // A query the datastore refuses (a value of the wrong type, a stale cursor) is a
          // mistake to correct in the form, not a failure.
          if (!(err instanceof DomainError) || err.kind === 'unavailable') throw err;
          errors = [{ text: err.message, href: '#filters' }];
        }
      }
      const path = resourcePath(resource);
      const view = tableView(path, id, ctx.config.baseUrl, state, result, errors);
      const sqlHref = ctx.config.sqlEnabled ? await sqlLink(ctx, id) : null;
      if (state.page > 1) locals.pageTitle = `${resource.name} (page ${String(state.page)})`;
      return reply.page(
        'features/datastore/pages/table/table.njk',
        { ...locals, ...view, sqlHref, errors: errors.map(({ text, href }) => ({ text, href })) },
        errors.length ? 400 : 200,
      );
    },
  );
}
