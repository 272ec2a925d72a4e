import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { adminJobsPages } from './pages/admin-jobs/admin-jobs.page.js';
import { jobsRoutes } from './jobs.routes.js';

/** The job queue's API and its administrators' page. */
export function registerJobs(app: Api, ctx: AppContext): void {
  jobsRoutes(app, ctx);
  adminJobsPages(app, ctx);
}
