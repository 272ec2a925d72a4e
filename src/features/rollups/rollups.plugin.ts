import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { onNewVersion } from '../datastore/index.js';
import { registerRollupPages } from './pages/rollup-pages.js';
import { queueWatch, rebuildRollupsOf } from './rollup-queue.js';
import { rollupEditRoutes } from './rollup-edit.routes.js';
import { rollupRoutes } from './rollup.routes.js';

export function registerRollups(app: Api, ctx: AppContext): void {
  rollupRoutes(app, ctx);
  rollupEditRoutes(app, ctx);
  registerRollupPages(app, ctx);
  // A member's new version, loaded by this process, queues its roll-ups' rebuilds at once.
  onNewVersion(ctx, async (resourceId) => {
    await rebuildRollupsOf(ctx, resourceId);
  });
  // Versions loaded elsewhere are found by the watch job; its dedupe key makes this safe on
  // every node.
  app.addHook('onReady', async () => {
    await queueWatch(ctx);
  });
}
