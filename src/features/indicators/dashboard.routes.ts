import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { errorResponses, type Api } from '../../platform/http/types.js';
import { DashboardCreateBody, DashboardUpdateBody } from './dashboard.schemas.js';
import {
  createDashboard,
  getDashboard,
  listDashboards,
  updateDashboard,
} from './dashboard.service.js';
import { SlugParams } from '../../platform/http/schemas.js';

const auth = [{ bearerAuth: [] }];
const tags = ['dashboards'];

export function dashboardRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/dashboards',
    {
      schema: {
        tags,
        summary: 'Every dashboard',
        querystring: Type.Object({}, { additionalProperties: false }),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                slug: Type.String(),
                title: Type.String(),
                description: Type.String(),
                url: Type.String(),
                tiles: Type.Integer(),
                updated_at: Type.String(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({ results: await listDashboards(ctx) }),
  );

  app.get(
    '/api/v1/dashboards/:slug',
    {
      schema: {
        tags,
        summary: 'One dashboard: its tiles, each with its image, the data behind it and values',
        params: SlugParams,
        response: { 200: Type.Ref('Dashboard'), ...errorResponses },
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
        response: { 201: Type.Ref('Dashboard'), ...errorResponses },
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
        response: { 200: Type.Ref('Dashboard'), ...errorResponses },
      },
    },
    (request) => updateDashboard(ctx, request.actor, request.params.slug, request.body),
  );
}
