import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { resourceLocals } from '../resource/resource-locals.js';
import { resourceViewRoute } from '../resource/resource-view-route.js';
import { versionHistory } from './versions.service.js';

/** /datasets/:slug/resources/:id/versions: each version of the data with its ingest report. */
export function versionsPage(app: FastifyInstance, ctx: AppContext): void {
  resourceViewRoute(app, ctx, 'versions', async (resource, reply) => {
    const versions = await versionHistory(ctx, resource);
    const latest = resource.datastore.latest_load;
    return reply.page('features/datastore/pages/versions/versions.njk', {
      ...resourceLocals(resource, 'versions'),
      versions,
      // A load that has not (yet) made a version: waiting, running or failed.
      pendingLoad: latest && latest.status !== 'succeeded' ? latest : null,
    });
  });
}
