import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { publisherHome } from '../../publish.service.js';
import { canEditPromises } from '../../../promises/index.js';
import { handledBodies } from '../../../reports/index.js';
import { can } from '../../../accounts/index.js';

/** /publish: the organisations the person publishes for, with all their datasets. */
export function publishHomePage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/publish', async (request, reply) => {
    // A body's plain member publishes nothing but answers its residents' reports.
    const handlesReports = (await handledBodies(ctx, request.actor)).length > 0;
    return reply.page('features/publish/pages/home/home.njk', {
      pageTitle: 'Publish data',
      section: 'publish',
      organisations: await publisherHome(ctx, request.actor, handlesReports),
      canEditPromises: await canEditPromises(ctx, request.actor),
      canOperateReports: can(request.actor, { type: 'reports:operate' }),
      canOperateJobs: can(request.actor, { type: 'jobs:operate' }),
      handlesReports,
      canDefineCategories: can(request.actor, { type: 'category:define' }),
      // Harvest sources are managed by organisation administrators and site administrators.
      canManageHarvest:
        !!request.actor.user?.isSiteAdmin ||
        [...request.actor.roles.keys()].some((organisationId) =>
          can(request.actor, { type: 'organisation:update', organisationId }),
        ),
    });
  });
}
