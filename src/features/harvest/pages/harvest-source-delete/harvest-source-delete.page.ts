import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import { countRuns } from '../../harvest.repository.js';
import { deleteSource, harvestedCount, managedSource } from '../../harvest-source-edit.service.js';
import { HARVEST_CRUMB, IdParam } from '../harvest-view.js';

const TEMPLATE = 'features/harvest/pages/harvest-source-delete/harvest-source-delete.njk';

interface IdRoute {
  Params: { id: string };
}

const datasetsText = (n: number) => (n === 1 ? '1 dataset' : `${String(n)} datasets`);

/**
 * /publish/harvest/{id}/delete: what deleting a source does, and whether its datasets stay
 * (the default, as in CKAN's harvester) or are withdrawn with it.
 */
export function harvestSourceDeletePage(app: FastifyInstance, ctx: AppContext): void {
  app.get<IdRoute>(
    '/publish/harvest/:id/delete',
    { schema: { hide: true, params: IdParam } },
    async (request, reply) => {
      const source = await managedSource(ctx, request.actor, request.params.id);
      const [datasets, runs] = await Promise.all([
        harvestedCount(ctx, source),
        countRuns(ctx.db.kysely, source.id),
      ]);
      return reply.page(TEMPLATE, {
        pageTitle: `Delete “${source.title}”?`,
        section: 'publish',
        breadcrumbs: [
          PUBLISH,
          HARVEST_CRUMB,
          { text: source.title, href: `/publish/harvest/${source.id}` },
        ],
        source,
        datasets,
        datasetsText: datasetsText(datasets),
        runs,
      });
    },
  );

  app.post<IdRoute>(
    '/publish/harvest/:id/delete',
    { ...formPost(app), schema: { hide: true, params: IdParam } },
    async (request, reply) => {
      const withdraw = field(request.body, 'datasets') === 'withdraw';
      const done = await deleteSource(ctx, request.actor, request.params.id, {
        withdrawDatasets: withdraw,
      });
      reply.flash(
        `The harvest source “${done.title}” was deleted. ` +
          (withdraw
            ? `Its ${datasetsText(done.withdrawn)} ${done.withdrawn === 1 ? 'was' : 'were'} withdrawn (an editor can restore them).`
            : `Its ${datasetsText(done.datasets)} ${done.datasets === 1 ? 'stays' : 'stay'} in the catalogue, no longer harvested.`),
      );
      return reply.redirect('/publish/harvest', 303);
    },
  );
}
