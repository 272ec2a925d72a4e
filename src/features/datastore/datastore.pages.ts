import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { chartPage } from './pages/chart/chart.page.js';
import { fieldsPage } from './pages/fields/fields.page.js';
import { mapPage } from './pages/map/map.page.js';
import { loadReportPage } from './pages/publish-load-report/publish-load-report.page.js';
import { uploadPages } from './pages/publish-upload/publish-upload.page.js';
import { tablePage } from './pages/table/table.page.js';
import { versionsPage } from './pages/versions/versions.page.js';

/** The datastore's web pages: a resource's views, and the publisher's upload and report. */
export function registerDatastorePages(app: FastifyInstance, ctx: AppContext): void {
  tablePage(app, ctx);
  chartPage(app, ctx);
  fieldsPage(app, ctx);
  mapPage(app, ctx);
  versionsPage(app, ctx);
  uploadPages(app, ctx);
  loadReportPage(app, ctx);
}
