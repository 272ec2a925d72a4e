import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { registerMetrics } from './metrics.js';
import { opsRoutes } from './ops.routes.js';
import { apiDocsPage } from './pages/api-docs/api-docs.page.js';
import { rootRoutes } from './root.routes.js';

/** Probes, metrics, the API's index and its documentation page. */
export function registerOps(app: FastifyInstance, ctx: AppContext): void {
  const metrics = registerMetrics(app, ctx.db);
  opsRoutes(app, ctx, metrics);
  rootRoutes(app, ctx);
  apiDocsPage(app, ctx);
}
