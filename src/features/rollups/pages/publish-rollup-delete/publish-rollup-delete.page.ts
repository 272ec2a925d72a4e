import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { SlugParams } from '../../../../platform/http/schemas.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { deleteRollup, rollupDeletion } from '../../rollup-edit.service.js';

const TEMPLATE = 'features/rollups/pages/publish-rollup-delete/publish-rollup-delete.njk';

interface SlugRoute {
  Params: { slug: string };
}

const tablesText = (n: number) => (n === 1 ? '1 council’s table' : `${String(n)} councils’ tables`);

/**
 * /publish/rollups/{slug}/delete: what deleting a roll-up does, and whether its combined
 * dataset stays (the default, as a harvest source's datasets do) or is withdrawn with it.
 */
export function publishRollupDeletePage(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>(
    '/publish/rollups/:slug/delete',
    { schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const d = await rollupDeletion(ctx, request.actor, request.params.slug);
      return reply.page(TEMPLATE, {
        pageTitle: `Delete “${d.rollup.title}”?`,
        section: 'rollups',
        breadcrumbs: [
          HOME,
          { text: 'Roll-ups', href: '/rollups' },
          { text: d.rollup.title, href: `/rollups/${d.rollup.slug}` },
        ],
        rollup: d.rollup,
        dataset: d.dataset,
        datasetKept: d.dataset.state !== 'deleted',
        membersText: tablesText(d.members),
        dependents: d.dependents,
      });
    },
  );

  app.post<SlugRoute>(
    '/publish/rollups/:slug/delete',
    { ...formPost(app), schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const done = await deleteRollup(ctx, request.actor, request.params.slug, {
        withdrawDataset: field(request.body, 'dataset') === 'withdraw',
      });
      reply.flash(
        `The roll-up “${done.title}” was deleted. The councils’ datasets are as they were. ` +
          (done.withdrawn
            ? 'Its combined dataset was withdrawn (an editor can restore it).'
            : 'Its combined dataset stays in the catalogue as last built, no longer rebuilt.'),
      );
      return reply.redirect('/rollups', 303);
    },
  );
}
