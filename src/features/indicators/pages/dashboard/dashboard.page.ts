import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { notFound } from '../../../../platform/errors.js';
import { HOME } from '../../../../platform/views/page-head.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { chartTileSvg } from '../../dashboard-chart.js';
import type { TileInput } from '../../dashboard.schemas.js';
import { findDashboard, getDashboard } from '../../dashboard.service.js';
import { changeText, longDate, STATUS_TEXT, withUnit } from '../indicator/indicator.view.js';

/** /dashboards/:slug: the tiles drawn on the server, each linking to the data behind it. */
export function dashboardPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>('/dashboards/:slug', { schema: { hide: true } }, async (request, reply) => {
    const d = await getDashboard(ctx, request.actor, request.params.slug);
    return reply.page('features/indicators/pages/dashboard/dashboard.njk', {
      pageTitle: d.title,
      section: 'dashboards',
      breadcrumbs: [HOME, { text: 'Dashboards', href: '/dashboards' }],
      dashboard: d,
      tiles: d.tiles.map((t) => {
        const s = t.indicator;
        return {
          ...t,
          markdown: t.definition.kind === 'text' ? t.definition.markdown : '',
          value: s?.latest ? withUnit(s.latest.value, s.unit) : null,
          date: s?.latest ? longDate(s.latest.date) : null,
          change: s ? changeText(s) : null,
          status: s ? STATUS_TEXT[s.suggested_status] : null,
        };
      }),
    });
  });

  app.get<{ Params: { slug: string; n: string } }>(
    '/dashboards/:slug/tiles/:n.svg',
    { schema: { hide: true } },
    async (request, reply) => {
      const row = await findDashboard(ctx, request.params.slug);
      const tile = (JSON.parse(row.tiles) as TileInput[])[Number(request.params.n) - 1];
      if (tile?.kind !== 'chart') throw notFound(`Tile ${request.params.n}`);
      const svg = await chartTileSvg(ctx, request.actor, tile);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'private, max-age=60')
        .send(svg);
    },
  );
}
