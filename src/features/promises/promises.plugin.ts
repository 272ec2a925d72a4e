import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { promiseDownloads } from './pages/downloads.page.js';
import { promisePage } from './pages/promise/promise.page.js';
import { publishDeletePromisePages } from './pages/publish-delete/publish-delete.page.js';
import { publishPromiseFormPages } from './pages/publish-form/publish-form.page.js';
import { publishPromiseListPage } from './pages/publish-list/publish-list.page.js';
import { publishStatusPages } from './pages/publish-status/publish-status.page.js';
import { scorecardPage } from './pages/scorecard/scorecard.page.js';
import type { PromiseExtensions } from './promise-links.js';
import { promiseRoutes } from './promise.routes.js';

/** The promise tracker: its API, public pages, feeds and downloads, and the editors' forms. */
export function registerPromises(app: Api, ctx: AppContext, ext: PromiseExtensions = {}): void {
  promiseRoutes(app, ctx);
  promiseDownloads(app, ctx);
  scorecardPage(app, ctx);
  promisePage(app, ctx, ext);
  publishPromiseListPage(app, ctx);
  publishPromiseFormPages(app, ctx);
  publishStatusPages(app, ctx);
  publishDeletePromisePages(app, ctx);
}
