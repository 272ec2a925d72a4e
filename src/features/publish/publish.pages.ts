import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { datasetFormPages } from './pages/dataset-form/dataset-form.page.js';
import { publishDatasetPage } from './pages/dataset/dataset.page.js';
import { publishHomePage } from './pages/home/home.page.js';
import { loadReportPage } from './pages/load-report/load-report.page.js';
import { membersPages } from './pages/members/members.page.js';
import { uploadPages } from './pages/upload/upload.page.js';

/**
 * The publisher area, /publish/**: every route sends a signed-out visitor to sign in; what a
 * signed-in person may do is the policy's answer, through the services (403 page otherwise).
 */
export function registerPublishPages(app: FastifyInstance, ctx: AppContext): void {
  publishHomePage(app, ctx);
  // /publish/datasets/new before /publish/datasets/:slug (Fastify prefers static segments anyway).
  datasetFormPages(app, ctx);
  publishDatasetPage(app, ctx);
  uploadPages(app, ctx);
  loadReportPage(app, ctx);
  membersPages(app, ctx);
}
