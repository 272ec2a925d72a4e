import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { DashboardSchema } from './dashboard.schemas.js';
import { IndicatorDetailSchema, IndicatorSummarySchema } from './indicator.responses.js';
import { indicatorRoutes } from './indicator.routes.js';
import { registerIndicatorPages } from './indicators.pages.js';

/** Indicators and dashboards: shared schemas, the API, then the pages. */
export function registerIndicators(app: Api, ctx: AppContext): void {
  app.addSchema(IndicatorSummarySchema);
  app.addSchema(IndicatorDetailSchema);
  app.addSchema(DashboardSchema);
  indicatorRoutes(app, ctx);
  dashboardRoutes(app, ctx);
  registerIndicatorPages(app, ctx);
}
