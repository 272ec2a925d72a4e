import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { registerCatalogPages } from './catalog.pages.js';
import { DatasetSummary, Resource } from './catalog.responses.js';
import { datasetRoutes } from './dataset.routes.js';
import type { ResourceData } from './resource-data.js';
import { resourceRoutes } from './resource.routes.js';
import { taxonomyRoutes } from './taxonomy.routes.js';

/**
 * The catalogue's API (shared schemas, then each noun's routes) and pages. `data` is the
 * datastore's side of resources (see resource-data.ts).
 */
export function registerCatalog(app: Api, ctx: AppContext, data: ResourceData): void {
  app.addSchema(DatasetSummary);
  app.addSchema(Resource);
  datasetRoutes(app, ctx);
  resourceRoutes(app, ctx, data);
  taxonomyRoutes(app, ctx);
  registerCatalogPages(app, ctx, data);
}
