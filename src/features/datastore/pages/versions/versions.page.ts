import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { resourceLocals } from '../resource/resource-locals.js';
import { resourceForPage } from '../resource/resource-page.service.js';
import { versionHistory } from './versions.service.js';

/** /datasets/:slug/resources/:id/versions: each version of the data with its ingest report. */
export function versionsPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { slug: string; id: string } }>(
    '/datasets/:slug/resources/:id/versions',
    { schema: { hide: true } },
    async (request, reply) => {
      const { slug, id } = request.params;
      const resource = await resourceForPage(ctx, request.actor, slug, id);
      const versions = await versionHistory(ctx, resource);
      const latest = resource.datastore.latest_load;
      return reply.page('features/datastore/pages/versions/versions.njk', {
        ...resourceLocals(resource, 'versions'),
        versions,
        // A load that has not (yet) made a version: waiting, running or failed.
        pendingLoad: latest && latest.status !== 'succeeded' ? latest : null,
      });
    },
  );
}
