import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { dataPackageRoutes } from './datapackage/datapackage.routes.js';
import { siteFilesRoutes } from './site/site-files.routes.js';

/** Data packages, the sitemap, robots.txt and the Atom feeds (docs/architecture.md). */
export function registerDiscovery(app: FastifyInstance, ctx: AppContext): void {
  dataPackageRoutes(app, ctx);
  siteFilesRoutes(app, ctx);
}
