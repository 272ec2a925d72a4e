import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { sectionPage } from '../../../../platform/views/page-head.js';
import { listIndicators } from '../../indicator.service.js';
import { longDate, STATUS_TEXT, withUnit } from '../indicator/indicator.view.js';

/** /indicators: every indicator the visitor can read, with its latest value and sparkline. */
export function indicatorsPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/indicators', { schema: { hide: true } }, async (request, reply) => {
    const list = await listIndicators(ctx, request.actor);
    return reply.page('features/indicators/pages/indicators/indicators.njk', {
      ...sectionPage('Indicators', 'indicators'),
      indicators: list.map((s) => ({
        href: s.url,
        title: s.title,
        latest: s.latest ? withUnit(s.latest.value, s.unit) : 'No data yet',
        latestDate: s.latest ? longDate(s.latest.date) : '',
        target: `${withUnit(s.target.value, s.unit)} by ${longDate(s.target.date)}`,
        sparkline: s.sparkline_svg_url,
        status: STATUS_TEXT[s.suggested_status],
      })),
    });
  });
}
