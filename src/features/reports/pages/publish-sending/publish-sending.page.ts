import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import { sendAgain, sendingOverview } from '../../sending/sending-status.service.js';

const TEMPLATE = 'features/reports/pages/publish-sending/publish-sending.njk';

interface JobRoute {
  Params: { jobId: string };
}

/** /publish/sending: how reports reach each body, and "send again" for parked ones. */
export function publishSendingPages(app: FastifyInstance, ctx: AppContext): void {
  app.get('/publish/sending', async (request, reply) =>
    reply.page(TEMPLATE, {
      pageTitle: 'Sending reports to bodies',
      section: 'publish',
      breadcrumbs: [PUBLISH],
      bodies: await sendingOverview(ctx, request.actor),
    }),
  );

  app.post<JobRoute>(
    '/publish/sending/:jobId/send-again',
    formPost(app),
    async (request, reply) => {
      await sendAgain(ctx, request.actor, request.params.jobId);
      reply.flash('The report is back in the queue: it is sent again within a minute.');
      return reply.redirect('/publish/sending', 303);
    },
  );
}
