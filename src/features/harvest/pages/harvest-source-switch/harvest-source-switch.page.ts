import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { changeSource } from '../../harvest-source-edit.service.js';
import { IdParam } from '../harvest-view.js';

interface IdRoute {
  Params: { id: string };
}

/** The source page's "Disable" and "Enable" buttons. */
export function harvestSourceSwitchPages(app: FastifyInstance, ctx: AppContext): void {
  for (const [action, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.post<IdRoute>(
      `/publish/harvest/:id/${action}`,
      { ...formPost(app), schema: { hide: true, params: IdParam } },
      async (request, reply) => {
        const source = await changeSource(ctx, request.actor, request.params.id, { enabled });
        reply.flash(
          enabled
            ? `“${source.title}” is enabled: it runs on its schedule and when asked.`
            : `“${source.title}” is disabled: it does not run until it is enabled again.`,
        );
        return reply.redirect(`/publish/harvest/${source.id}`, 303);
      },
    );
  }
}
