import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { ResourceView } from './resource-locals.js';
import {
  resourceForPage,
  type ResourcePageData,
  type ResourcePageRoute,
} from './resource-page.service.js';

/**
 * Serves a view of a resource page that takes no parameters, at
 * /datasets/{slug}/resources/{id}/{view}: `show` is handed the resource the URL names, readable
 * by the visitor and in that dataset (else a 404).
 */
export function resourceViewRoute(
  app: FastifyInstance,
  ctx: AppContext,
  view: Exclude<ResourceView, 'table' | 'chart'>,
  show: (resource: ResourcePageData, reply: FastifyReply) => Promise<unknown>,
): void {
  app.get<ResourcePageRoute>(
    `/datasets/:slug/resources/:id/${view}`,
    { schema: { hide: true } },
    async (request, reply) => show(await resourceForPage(ctx, request), reply),
  );
}
