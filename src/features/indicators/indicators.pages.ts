import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { indicatorFileRoutes } from './indicator-files.js';
import { dashboardPage } from './pages/dashboard/dashboard.page.js';
import { dashboardsPage } from './pages/dashboards/dashboards.page.js';
import { indicatorPage } from './pages/indicator/indicator.page.js';
import { publishDashboardPages } from './pages/publish-dashboard/publish-dashboard.page.js';
import { publishDeletePages } from './pages/publish-delete/publish-delete.page.js';
import { publishIndicatorPages } from './pages/publish-indicator/publish-indicator.page.js';
import { indicatorsPage } from './pages/indicators/indicators.page.js';

/** The indicators' web pages and images (see docs/architecture.md, "Web pages"). */
export function registerIndicatorPages(app: FastifyInstance, ctx: AppContext): void {
  indicatorsPage(app, ctx);
  indicatorPage(app, ctx);
  indicatorFileRoutes(app, ctx);
  dashboardsPage(app, ctx);
  dashboardPage(app, ctx);
  publishIndicatorPages(app, ctx);
  publishDashboardPages(app, ctx);
  publishDeletePages(app, ctx);
}
