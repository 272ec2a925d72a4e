import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { SlugParams } from '../../../../platform/http/schemas.js';
import {
  confirmDeletePage,
  deletedRedirect,
} from '../../../../platform/views/forms/confirm-delete.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { authorise } from '../../../accounts/index.js';
import { deleteShowcase } from '../../showcase-moderation.service.js';
import { readableShowcase } from '../../showcase.service.js';

/** /showcases/{slug}/delete: "are you sure?", then the showcase is gone (its author or an admin). */
export function showcaseDeletePages(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>(
    '/showcases/:slug/delete',
    { schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const showcase = await readableShowcase(ctx, request.actor, request.params.slug);
      authorise(
        request.actor,
        { type: 'showcase:delete', showcase },
        'You cannot delete this showcase',
      );
      return confirmDeletePage(reply, {
        kind: 'showcase',
        name: showcase.title,
        paragraphs: [
          'It leaves the showcases and the pages of the datasets it uses. This cannot be undone.',
        ],
        action: `/showcases/${showcase.slug}/delete`,
        back: { text: showcase.title, href: `/showcases/${showcase.slug}` },
      });
    },
  );

  app.post<SlugRoute>(
    '/showcases/:slug/delete',
    { schema: { hide: true, params: SlugParams }, ...formPost(app) },
    async (request, reply) => {
      const showcase = await readableShowcase(ctx, request.actor, request.params.slug);
      await deleteShowcase(ctx, request.actor, showcase.slug);
      const to = request.actor.user?.isSiteAdmin ? '/showcases' : '/account/showcases';
      return deletedRedirect(reply, 'showcase', showcase.title, to);
    },
  );
}
