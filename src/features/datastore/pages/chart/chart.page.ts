import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { resourceLocals, resourcePath } from '../resource/resource-locals.js';
import { requestedChart, type ChartRequest } from './chart-data.js';
import { chartRenderRoutes } from './chart-files.js';
import { chartView } from './chart.view.js';

/**
 * /datasets/:slug/resources/:id/chart: a GET form of choices, the chart drawn on the server as
 * an image with its data as a table, and the same chart as SVG, PNG and Vega-Lite downloads.
 */
export function chartPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<ChartRequest>(
    '/datasets/:slug/resources/:id/chart',
    { schema: { hide: true } },
    async (request, reply) => {
      const { resource, data } = await requestedChart(ctx, request);
      const locals = resourceLocals(resource, 'chart');
      const path = resourcePath(resource, 'chart');
      return reply.page(
        'features/datastore/pages/chart/chart.njk',
        { ...locals, ...chartView(path, ctx.config.baseUrl, resource.datastore.fields, data) },
        data.errors.length ? 400 : 200,
      );
    },
  );
  chartRenderRoutes(app, ctx);
}
