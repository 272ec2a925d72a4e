import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { sectionPage } from '../../../../platform/views/page-head.js';
import { listDashboards } from '../../dashboard.service.js';

/** /dashboards: every dashboard. */
export function dashboardsPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/dashboards', { schema: { hide: true } }, async (_request, reply) => {
    return reply.page('features/indicators/pages/dashboards/dashboards.njk', {
      ...sectionPage('Dashboards', 'dashboards'),
      dashboards: await listDashboards(ctx),
    });
  });
}
