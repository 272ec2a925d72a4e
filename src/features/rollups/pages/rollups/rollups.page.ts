import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { sectionPage } from '../../../../platform/views/page-head.js';
import { MAX_PER_PAGE } from '../../../../platform/paging.js';
import { rollupsFor } from '../../rollup.service.js';
import { rollupSummaries } from '../../rollup.view.js';
import { choices } from '../publish-rollup-new/publish-rollup-new.page.js';

/** /rollups: every roll-up the visitor can read, with how many councils are in. */
export function rollupsPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/rollups', { schema: { hide: true } }, async (request, reply) => {
    const page = await rollupsFor(ctx, request.actor, { per_page: MAX_PER_PAGE });
    return reply.page('features/rollups/pages/rollups/rollups.njk', {
      ...sectionPage('Roll-ups', 'rollups'),
      rollups: await rollupSummaries(ctx, page.results),
      canCreate: (await choices(ctx, request.actor)).owners.length > 0,
    });
  });
}
