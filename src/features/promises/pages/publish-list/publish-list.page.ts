import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { publishPage } from '../../../../platform/views/page-head.js';
import { authorisePromiseEdit } from '../../promise-access.js';
import { listPromises } from '../../promise.service.js';
import { statusTag } from '../promise/promise.view.js';

/** /publish/promises: every promise, to edit or to record a change of status. */
export function publishPromiseListPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/publish/promises', async (request, reply) => {
    await authorisePromiseEdit(ctx, request.actor);
    const list = await listPromises(ctx, request.actor, {});
    return reply.page('features/promises/pages/publish-list/publish-list.njk', {
      ...publishPage('Promises'),
      promises: list.results.map((p) => ({ ...p, tag: statusTag(p.status) })),
    });
  });
}
