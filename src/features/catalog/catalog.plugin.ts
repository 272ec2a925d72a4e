import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { registerCatalogPages } from './catalog.pages.js';
import { DatasetSummary, Resource } from './catalog.responses.js';
import { noProvenance } from './dataset-provenance.js';
import { datasetRoutes } from './dataset.routes.js';
import type { CatalogExtensions } from './resource-data.js';
import { resourceRoutes } from './resource.routes.js';
import { taxonomyRoutes } from './taxonomy.routes.js';

/**
 * The catalogue's API (shared schemas, then each noun's routes) and pages. `ext` is what the
 * features above the catalogue add to its resources (see resource-data.ts).
 */
export function registerCatalog(app: Api, ctx: AppContext, ext: CatalogExtensions): void {
  app.addSchema(DatasetSummary);
  app.addSchema(Resource);
  datasetRoutes(app, ctx, ext.provenance ?? noProvenance);
  resourceRoutes(app, ctx, ext);
  taxonomyRoutes(app, ctx);
  registerCatalogPages(app, ctx, ext);
}
