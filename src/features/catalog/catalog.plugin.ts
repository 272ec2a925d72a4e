import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { DatasetSummary, Resource } from './catalog.responses.js';
import { datasetRoutes } from './dataset.routes.js';
import { organisationRoutes } from './organisation.routes.js';
import { resourceRoutes } from './resource.routes.js';
import { taxonomyRoutes } from './taxonomy.routes.js';

/** The catalogue API: shared schemas, then each noun's routes. */
export function registerCatalog(app: Api, ctx: AppContext): void {
  app.addSchema(DatasetSummary);
  app.addSchema(Resource);
  organisationRoutes(app, ctx);
  datasetRoutes(app, ctx);
  resourceRoutes(app, ctx);
  taxonomyRoutes(app, ctx);
}
