import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { myDataPages } from './pages/my-data/my-data.page.js';
import { myReportsPages } from './pages/my-reports/my-reports.page.js';
import { personalDataRoutes } from './personal-data.routes.js';
import { reportOwnerRoutes } from './report-owner.routes.js';

/** The reports feature's API and pages. */
export function registerReports(app: FastifyInstance, ctx: AppContext): void {
  // Routes and pages register here.
  reportOwnerRoutes(app, ctx);
  personalDataRoutes(app, ctx);
  myReportsPages(app, ctx);
  myDataPages(app, ctx);
}
