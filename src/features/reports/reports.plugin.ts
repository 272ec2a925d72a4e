import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { publishSendingPages } from './pages/publish-sending/publish-sending.page.js';
import { registerReportJourney } from './pages/report-pages.js';
import { sendingRoutes } from './sending/sending.routes.js';

/** The reports feature's API and pages. */
export function registerReports(app: Api, ctx: AppContext): void {
  registerReportJourney(app, ctx);
  sendingRoutes(app, ctx);
  publishSendingPages(app, ctx);
}
