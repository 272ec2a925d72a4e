import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { requestedChart, specOrFail, type ChartRequest } from './chart-data.js';
import { renderPng, renderSvg } from '../../../../platform/charts/render.js';

const NO_SHARED_CACHE = 'private, max-age=60';

/** The chart as files: chart.svg, chart.png and its Vega-Lite spec, chart.vl.json. */
export function chartRenderRoutes(app: FastifyInstance, ctx: AppContext): void {
  const base = '/datasets/:slug/resources/:id';
  app.get<ChartRequest>(
    `${base}/chart.vl.json`,
    { schema: { hide: true } },
    async (request, reply) => {
      const { data } = await requestedChart(ctx, request);
      return reply
        .type('application/json; charset=utf-8')
        .header('cache-control', NO_SHARED_CACHE)
        .send(JSON.stringify(specOrFail(data), null, 2));
    },
  );
  app.get<ChartRequest>(`${base}/chart.svg`, { schema: { hide: true } }, async (request, reply) => {
    const { data } = await requestedChart(ctx, request);
    const svg = await renderSvg(specOrFail(data));
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', NO_SHARED_CACHE)
      .send(svg);
  });
  app.get<ChartRequest>(`${base}/chart.png`, { schema: { hide: true } }, async (request, reply) => {
    const { data } = await requestedChart(ctx, request);
    const png = renderPng(await renderSvg(specOrFail(data)));
    return reply.type('image/png').header('cache-control', NO_SHARED_CACHE).send(png);
  });
}
