import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { reportHandlingRoutes } from './report-handling.routes.js';

/** The reports feature's API and pages. */
export function registerReports(app: Api, ctx: AppContext): void {
  // Routes and pages register here.
  reportHandlingRoutes(app, ctx);
}
