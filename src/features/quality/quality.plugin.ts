import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { onNewVersion } from '../datastore/index.js';
import type { BodyResponsiveness } from './body-responsiveness.js';
import { queueLinkCheck, queueRescore } from './quality-jobs.js';
import { scoreDatasets } from './quality-recompute.js';
import { datasetOfResource } from './quality.repository.js';
import { qualityRoutes } from './quality.routes.js';
import { leaguePage } from './pages/league/league.page.js';
import { organisationQualityPage } from './pages/organisation/organisation.page.js';

/** `requests`: the data requests' figures per body (a port: that feature sits above this one). */
export function registerQuality(app: Api, ctx: AppContext, requests: BodyResponsiveness): void {
  qualityRoutes(app, ctx, requests);
  leaguePage(app, ctx, requests);
  organisationQualityPage(app, ctx, requests);
  // A new datastore version can earn the fourth star; versions are not in the catalogue's change
  // log, so the dataset is scored here.
  onNewVersion(ctx, async (resourceId) => {
    const dataset = await datasetOfResource(ctx.db.kysely, resourceId);
    if (dataset) await scoreDatasets(ctx, [dataset]);
  });
  // The self-queueing jobs start here; their dedupe keys make this safe on every node.
  app.addHook('onReady', async () => {
    await queueRescore(ctx);
    await queueLinkCheck(ctx, 60);
  });
}
