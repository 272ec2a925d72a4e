import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { onNewVersion } from '../datastore/index.js';
import { queueLinkCheck, queueRescore } from './quality-jobs.js';
import { qualityRoutes } from './quality.routes.js';
import { leaguePage } from './pages/league/league.page.js';
import { organisationQualityPage } from './pages/organisation/organisation.page.js';

export function registerQuality(app: Api, ctx: AppContext): void {
  qualityRoutes(app, ctx);
  leaguePage(app, ctx);
  organisationQualityPage(app, ctx);
  // A new datastore version can earn the fourth star: rescore soon rather than at the next tick.
  onNewVersion(ctx, async () => {
    await queueRescore(ctx);
  });
  // The self-queueing jobs start here; their dedupe keys make this safe on every node.
  app.addHook('onReady', async () => {
    await queueRescore(ctx);
    await queueLinkCheck(ctx, 60);
  });
}
