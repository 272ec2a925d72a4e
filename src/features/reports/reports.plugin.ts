import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { categoryRoutes } from './category.routes.js';
import { reportPage } from './pages/report/report.page.js';
import { reportsPage } from './pages/reports/reports.page.js';
import { reportRoutes } from './report.routes.js';

/** The reports feature's API and pages. */
export function registerReports(app: Api, ctx: AppContext): void {
  // Routes and pages register here.
  reportRoutes(app, ctx);
  categoryRoutes(app, ctx);
  reportsPage(app, ctx);
  reportPage(app, ctx);
}
