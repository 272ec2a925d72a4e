import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { SlugParams } from '../../../../platform/http/schemas.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { authorise, type Actor } from '../../../accounts/index.js';
import { editShowcase } from '../../showcase-edit.service.js';
import { getShowcase, readableShowcase } from '../../showcase.service.js';
import { formFailure, renderShowcaseForm } from './showcase-form.js';
import { readShowcaseUpload } from './submit-upload.js';
import { formFrom, formOf, inputFrom } from './submit.view.js';

/** /showcases/{slug}/edit: its author (or a site admin) changes a showcase, image included. */
export function editPages(app: FastifyInstance, ctx: AppContext): void {
  const editable = async (actor: Actor, slug: string) => {
    const row = await readableShowcase(ctx, actor, slug);
    authorise(actor, { type: 'showcase:edit', showcase: row }, 'You cannot change this showcase');
    return getShowcase(ctx, actor, row.slug);
  };

  app.get<SlugRoute>(
    '/showcases/:slug/edit',
    { schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const showcase = await editable(request.actor, request.params.slug);
      return renderShowcaseForm(ctx, reply, request.actor, showcase, formOf(showcase));
    },
  );

  app.post<SlugRoute>(
    '/showcases/:slug/edit',
    { schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      // The CSRF field comes first in the multipart form and is checked before anything else.
      const upload = await readShowcaseUpload(app, request, reply);
      const before = await editable(request.actor, request.params.slug);
      const form = formFrom(upload.fields);
      try {
        const after = await editShowcase(
          ctx,
          request.actor,
          before.slug,
          inputFrom(form),
          upload.image,
        );
        reply.flash(
          after.status === 'pending' && before.status !== 'pending'
            ? `Your changes to “${after.title}” are saved. A site administrator checks them before the showcase is published again.`
            : `Your changes to “${after.title}” are saved.`,
        );
        return await reply.redirect(`/showcases/${after.slug}`, 303);
      } catch (err) {
        const errors = formFailure(err);
        const dropped = upload.image !== undefined;
        return renderShowcaseForm(ctx, reply, request.actor, before, form, errors, dropped);
      }
    },
  );
}
