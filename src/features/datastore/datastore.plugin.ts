import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { registerDatastorePages } from './datastore.pages.js';
import { datastoreRoutes } from './datastore.routes.js';
import { closeExportEngine } from './export-engine.js';
import { exportRoutes } from './export.routes.js';
import { loadQueue } from './load-queue.js';

/** The datastore API and pages, and its load queue running for as long as the app does. */
export function registerDatastore(app: Api, ctx: AppContext): void {
  datastoreRoutes(app, ctx);
  exportRoutes(app, ctx);
  registerDatastorePages(app, ctx);
  const queue = loadQueue(ctx);
  queue.start((err) => {
    app.log.error({ err }, 'a load pass failed; it runs again at the next poll');
  });
  app.addHook('onClose', async () => {
    await queue.stop();
    await closeExportEngine(ctx);
  });
}
