import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { categoryRoutes } from './category.routes.js';
import { myDataPages } from './pages/my-data/my-data.page.js';
import { myReportsPages } from './pages/my-reports/my-reports.page.js';
import { publishCategoriesPages } from './pages/publish-categories/publish-categories.page.js';
import { publishOrgCategoriesPages } from './pages/publish-org-categories/publish-org-categories.page.js';
import { publishModeratePages } from './pages/publish-report-moderate/publish-report-moderate.page.js';
import { publishReportPages } from './pages/publish-report/publish-report.page.js';
import { publishReportsPage } from './pages/publish-reports/publish-reports.page.js';
import { publishSendingPages } from './pages/publish-sending/publish-sending.page.js';
import { registerReportJourney } from './pages/report-pages.js';
import { reportPage } from './pages/report/report.page.js';
import { reportsPage } from './pages/reports/reports.page.js';
import { personalDataRoutes } from './personal-data.routes.js';
import { reportHandlingRoutes } from './report-handling.routes.js';
import { reportOwnerRoutes } from './report-owner.routes.js';
import { reportRoutes } from './report.routes.js';
import { sendingRoutes } from './sending/sending.routes.js';

/** The reports feature's API and pages. */
export function registerReports(app: Api, ctx: AppContext): void {
  // The API: reports and categories in public, the reporter's own reports and data, the
  // bodies' handling, the sending status.
  reportRoutes(app, ctx);
  categoryRoutes(app, ctx);
  reportOwnerRoutes(app, ctx);
  personalDataRoutes(app, ctx);
  reportHandlingRoutes(app, ctx);
  sendingRoutes(app, ctx);
  // Public pages: the reports, one report; residents' pages: reporting, their reports, data.
  reportsPage(app, ctx);
  reportPage(app, ctx);
  registerReportJourney(app, ctx);
  myReportsPages(app, ctx);
  myDataPages(app, ctx);
  // The bodies' pages.
  publishReportsPage(app, ctx);
  publishReportPages(app, ctx);
  publishModeratePages(app, ctx);
  publishOrgCategoriesPages(app, ctx);
  publishCategoriesPages(app, ctx);
  publishSendingPages(app, ctx);
}
