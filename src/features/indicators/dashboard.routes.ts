import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { noContent, operations } from '../../platform/http/operations.js';
import { ListQuery, Page, SlugParams } from '../../platform/http/schemas.js';
import type { Api } from '../../platform/http/types.js';
import { DashboardCreateBody, DashboardItem, DashboardUpdateBody } from './dashboard.schemas.js';
import { deleteDashboard } from './indicator-delete.service.js';
import {
  createDashboard,
  getDashboard,
  listDashboards,
  updateDashboard,
} from './dashboard.service.js';
import { pageFrom } from '../../platform/paging.js';

const op = operations('dashboards');

export function dashboardRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/dashboards',
    op.list(Page(DashboardItem), { summary: 'Every dashboard', querystring: ListQuery() }),
    async (request) => pageFrom(await listDashboards(ctx), request.query),
  );

  app.get(
    '/api/v1/dashboards/:slug',
    op.read(Type.Ref('Dashboard'), {
      summary: 'One dashboard: its tiles, each with its image, the data behind it and values',
      params: SlugParams,
    }),
    (request) => getDashboard(ctx, request.actor, request.params.slug),
  );

  app.post(
    '/api/v1/dashboards',
    op.create(Type.Ref('Dashboard'), {
      summary: 'Create a dashboard (site admins and the combined authority’s editors)',
      body: DashboardCreateBody,
    }),
    async (request, reply) => {
      const created = await createDashboard(ctx, request.actor, request.body);
      return reply.status(201).header('location', created.url).send(created);
    },
  );

  app.patch(
    '/api/v1/dashboards/:slug',
    op.update(Type.Ref('Dashboard'), {
      summary: 'Change a dashboard’s title, description or tiles',
      params: SlugParams,
      body: DashboardUpdateBody,
    }),
    (request) => updateDashboard(ctx, request.actor, request.params.slug, request.body),
  );

  app.delete(
    '/api/v1/dashboards/:slug',
    op.remove({
      summary: 'Delete a dashboard (site admins and the combined authority’s editors)',
      params: SlugParams,
    }),
    (request, reply) => noContent(reply, deleteDashboard(ctx, request.actor, request.params.slug)),
  );
}
