import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { dataRequestRoutes } from './data-request.routes.js';
import { requestAnswerPages } from './pages/request-answer/request-answer.page.js';
import { requestNewPages } from './pages/request-new/request-new.page.js';
import { requestPages } from './pages/request/request.page.js';
import { requestsPage } from './pages/requests/requests.page.js';

/** Data requests: the API, the list, "Request a dataset", a request's page and the answer. */
export function registerDataRequests(app: Api, ctx: AppContext): void {
  dataRequestRoutes(app, ctx);
  requestsPage(app, ctx);
  // /data-requests/new before /data-requests/:id (Fastify prefers static segments anyway).
  requestNewPages(app, ctx);
  requestPages(app, ctx);
  requestAnswerPages(app, ctx);
}
