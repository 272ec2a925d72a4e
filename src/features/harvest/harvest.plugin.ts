import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { queueScheduleTick } from './harvest-queue.js';
import { harvestEditRoutes } from './harvest-source-edit.routes.js';
import { harvestRoutes } from './harvest.routes.js';
import { registerHarvestPages } from './pages/harvest-pages.js';

export function registerHarvest(app: Api, ctx: AppContext): void {
  harvestRoutes(app, ctx);
  harvestEditRoutes(app, ctx);
  registerHarvestPages(app, ctx);
  // The schedule is looked at by a job that queues itself again; its dedupe key makes starting
  // it here safe on every node.
  app.addHook('onReady', async () => {
    await queueScheduleTick(ctx);
  });
}
