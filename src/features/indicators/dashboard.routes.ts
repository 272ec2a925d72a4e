import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import {
  DateTime,
  ListQuery,
  NoContent,
  Page,
  pageFrom,
  SlugParams,
} from '../../platform/http/schemas.js';
import { errors, readErrors, writeErrors, type Api } from '../../platform/http/types.js';
import { DashboardCreateBody, DashboardUpdateBody } from './dashboard.schemas.js';
import { deleteDashboard } from './indicator-delete.service.js';
import {
  createDashboard,
  getDashboard,
  listDashboards,
  updateDashboard,
} from './dashboard.service.js';

const auth = [{ bearerAuth: [] }];
const tags = ['dashboards'];

export function dashboardRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/dashboards',
    {
      schema: {
        tags,
        summary: 'Every dashboard',
        querystring: ListQuery(),
        response: {
          200: Page(
            Type.Object({
              slug: Type.String(),
              title: Type.String(),
              description: Type.String(),
              url: Type.String(),
              tiles: Type.Integer({ description: 'how many tiles it has' }),
              updated_at: DateTime,
            }),
          ),
          ...errors(),
        },
      },
    },
    async (request) => pageFrom(await listDashboards(ctx), request.query),
  );

  app.get(
    '/api/v1/dashboards/:slug',
    {
      schema: {
        tags,
        summary: 'One dashboard: its tiles, each with its image, the data behind it and values',
        params: SlugParams,
        response: { 200: Type.Ref('Dashboard'), ...readErrors },
      },
    },
    (request) => getDashboard(ctx, request.actor, request.params.slug),
  );

  app.post(
    '/api/v1/dashboards',
    {
      schema: {
        tags,
        summary: 'Create a dashboard (site admins and the combined authority’s editors)',
        body: DashboardCreateBody,
        security: auth,
        response: { 201: Type.Ref('Dashboard'), ...writeErrors },
      },
    },
    async (request, reply) => {
      const created = await createDashboard(ctx, request.actor, request.body);
      return reply.status(201).header('location', created.url).send(created);
    },
  );

  app.patch(
    '/api/v1/dashboards/:slug',
    {
      schema: {
        tags,
        summary: 'Change a dashboard’s title, description or tiles',
        params: SlugParams,
        body: DashboardUpdateBody,
        security: auth,
        response: { 200: Type.Ref('Dashboard'), ...writeErrors },
      },
    },
    (request) => updateDashboard(ctx, request.actor, request.params.slug, request.body),
  );

  app.delete(
    '/api/v1/dashboards/:slug',
    {
      schema: {
        tags,
        summary: 'Delete a dashboard (site admins and the combined authority’s editors)',
        params: SlugParams,
        security: auth,
        response: { 204: NoContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await deleteDashboard(ctx, request.actor, request.params.slug);
      return reply.status(204).send(null);
    },
  );
}
