import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { jobKinds, listParkedJobs, retryJob } from '../../jobs-admin.service.js';

const TEMPLATE = 'features/jobs/pages/admin-jobs/admin-jobs.njk';

interface JobRoute {
  Params: { id: string };
}

/** /admin/jobs: the background job queue by kind, parked jobs, and "retry" for one. */
export function adminJobsPages(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/jobs', async (request, reply) => {
    const [kinds, parked] = await Promise.all([
      jobKinds(ctx, request.actor),
      listParkedJobs(ctx, request.actor),
    ]);
    return reply.page(TEMPLATE, {
      pageTitle: 'Background jobs',
      section: 'publish',
      kinds,
      parked,
    });
  });

  app.post<JobRoute>('/admin/jobs/:id/retry', formPost(app), async (request, reply) => {
    await retryJob(ctx, request.actor, request.params.id);
    reply.flash('The job is back in the queue: a node takes it within a minute.');
    return reply.redirect('/admin/jobs', 303);
  });
}
