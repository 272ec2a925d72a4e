import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import { getLoad, resourceWithDatastore } from '../../datastore.service.js';
import { editableDataset } from '../../../catalog/index.js';

/** How often a pending report reloads itself (a meta refresh: no script, allowed by the CSP). */
const REFRESH_SECONDS = 2;

/** The ingest report of one load: rows, columns with types, warnings and errors. */
export function loadReportPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string; loadId: string } }>(
    '/publish/resources/:id/loads/:loadId',
    async (request, reply) => {
      const { id, loadId } = request.params;
      const resource = await resourceWithDatastore(ctx, request.actor, id);
      const dataset = await editableDataset(ctx, request.actor, resource.dataset.slug);
      const load = await getLoad(ctx, request.actor, id, loadId);
      const pending = load.status === 'queued' || load.status === 'running';
      return reply.page('features/datastore/pages/publish-load-report/publish-load-report.njk', {
        pageTitle: pending
          ? `Loading “${resource.name}”`
          : load.status === 'failed'
            ? `“${resource.name}” could not be loaded`
            : `“${resource.name}” is loaded`,
        section: 'publish',
        breadcrumbs: [PUBLISH, { text: dataset.title, href: `/publish/datasets/${dataset.slug}` }],
        resource,
        dataset,
        load,
        report: load.report,
        pending,
        refreshSeconds: REFRESH_SECONDS,
      });
    },
  );
}
