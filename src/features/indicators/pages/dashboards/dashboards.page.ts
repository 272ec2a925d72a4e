import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { HOME } from '../../../../platform/views/breadcrumbs.js';
import { listDashboards } from '../../dashboard.service.js';

/** /dashboards: every dashboard. */
export function dashboardsPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/dashboards', { schema: { hide: true } }, async (_request, reply) => {
    return reply.page('features/indicators/pages/dashboards/dashboards.njk', {
      pageTitle: 'Dashboards',
      section: 'dashboards',
      breadcrumbs: [HOME],
      dashboards: await listDashboards(ctx),
    });
  });
}
