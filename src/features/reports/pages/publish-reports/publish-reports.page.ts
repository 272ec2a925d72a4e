import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { field } from '../../../../platform/views/forms/form-input.js';
import { publishPage } from '../../../../platform/views/page-head.js';
import { pagedTitle, paginationFor, rangeText } from '../../../../platform/views/pagination.js';
import { invalidParameter } from '../../../../platform/errors.js';
import { STATUS_LABELS } from '../../report-status.js';
import { ATTENTION_DAYS, listQueue, queueMapReports } from '../../report-queue.service.js';
import {
  queryOf,
  queueFiltersOf,
  queueFormOf,
  SEND_LABELS,
  statusChoices,
  statusTag,
} from './publish-reports.view.js';

const TEMPLATE = 'features/reports/pages/publish-reports/publish-reports.njk';
/** The map shows at most this many of the filtered reports (the newest). */
const MAP_LIMIT = 2000;

function pageNumber(query: unknown): number {
  const raw = field(query, 'page');
  if (raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    throw invalidParameter('page', 'page must be a whole number from 1');
  }
  return n;
}

/** /publish/reports: the reports of the bodies the person handles, filtered, with a map. */
export function publishReportsPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/publish/reports', async (request, reply) => {
    const form = queueFormOf(request.query);
    const page = pageNumber(request.query);
    const queue = await listQueue(ctx, request.actor, queueFiltersOf(form, page));
    const title = queue.body ? `Reports to ${queue.body.name}` : 'Reports to your bodies';
    return reply.page(TEMPLATE, {
      ...publishPage(pagedTitle(title, page)),
      heading: title,
      queue,
      form,
      attentionDays: ATTENTION_DAYS,
      statuses: statusChoices(form.status),
      rows: queue.items.map((item) => ({
        ...item,
        statusLabel: STATUS_LABELS[item.report.status],
        statusTag: statusTag(item.report.status),
        send: SEND_LABELS[item.report.send_state],
      })),
      range: rangeText(page, queue.perPage, queue.total),
      pagination: paginationFor(
        page,
        queue.perPage,
        queue.total,
        (n) => `/publish/reports?${queryOf(form, { page: String(n) })}`,
      ),
      mapUrl: `/publish/reports/map.geojson?${queryOf(form)}`,
      mapLimit: MAP_LIMIT,
      tileUrl: ctx.config.mapTileUrl,
      attribution: ctx.config.mapAttribution,
    });
  });

  // The map's data: the filtered reports as GeoJSON for client/map.ts (same shape as the
  // datastore's pages: total, next_cursor), each with the words of its popup.
  app.get('/publish/reports/map.geojson', async (request, reply) => {
    const form = queueFormOf(request.query);
    const found = await queueMapReports(ctx, request.actor, queueFiltersOf(form, 1), MAP_LIMIT);
    const names = new Map(found.categories.map((c) => [c.id, c.name]));
    return reply
      .header('cache-control', 'private, no-store')
      .type('application/geo+json')
      .send({
        type: 'FeatureCollection',
        total: found.total,
        next_cursor: null,
        features: found.rows.map((r) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [r.longitude, r.latitude] },
          properties: {
            Category: names.get(r.category_id) ?? '',
            Status: STATUS_LABELS[r.status] + (r.state === 'hidden' ? ' (hidden)' : ''),
            Ward: r.ward_name ?? '',
            Reported: r.created_at.slice(0, 10),
            Reference: r.id,
          },
        })),
      });
  });
}
