import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { AppContext } from '../../../../context.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { getCategory } from '../../category.service.js';
import { getPublicReport } from '../../public-report.service.js';
import { feedPath } from '../../report-feed.js';
import { ReportIdParams } from '../../report.schemas.js';
import { statusTagClass } from '../reports/reports.view.js';
import { answersView, nearbyBox, osmHref, timelineView } from './report.view.js';

/**
 * /reports/{id}: one public report, its place, photos, answers and the body's updates. Hidden
 * and unconfirmed reports are 404 but for the body's staff (hidden ones), who see a link to
 * their handling page.
 */
export function reportPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: Static<typeof ReportIdParams> }>(
    '/reports/:id',
    { schema: { hide: true, params: ReportIdParams } },
    async (request, reply) => {
      const { report, staff, hidden } = await getPublicReport(
        ctx,
        request.actor,
        request.params.id,
      );
      const category = await getCategory(ctx, report.category.code);
      const where = report.address
        ? ` at ${report.address}`
        : report.ward
          ? ` in ${report.ward.name}`
          : '';
      return reply.page('features/reports/pages/report/report.njk', {
        pageTitle: `${report.category.name}${where}`,
        section: 'reports',
        breadcrumbs: [HOME, { text: 'Reports', href: '/reports' }],
        report,
        staff,
        hidden,
        tag: statusTagClass(report.status),
        answers: answersView(category.attributes, report.attributes),
        timeline: timelineView(report),
        feedHref: feedPath({ area: report.body.slug }),
        areaHref: `/reports?area=${encodeURIComponent(report.body.slug)}`,
        osmHref: osmHref(report.latitude, report.longitude),
        mapDataUrl: `/api/v1/reports.geojson?bbox=${nearbyBox(report.latitude, report.longitude)}&per_page=100`,
        mapTileUrl: ctx.config.mapTileUrl,
        mapAttribution: ctx.config.mapAttribution,
      });
    },
  );
}
