import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../../../context.js';
import { authorise } from '../../../accounts/index.js';
import { submitShowcase } from '../../showcase-submit.service.js';
import { formFailure, renderShowcaseForm } from './showcase-form.js';
import { readShowcaseUpload } from './submit-upload.js';
import { blankForm, formFrom, inputFrom } from './submit.view.js';

const Query = Type.Object({ dataset: Type.Optional(Type.String({ maxLength: 200 })) });

/**
 * /account/showcases/new: the form to submit a showcase, with its image (works without
 * JavaScript: a plain multipart form). Signed-out visitors are sent to sign in first.
 */
export function submitPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: Static<typeof Query> }>(
    '/account/showcases/new',
    { schema: { hide: true, querystring: Query } },
    (request, reply) => {
      authorise(request.actor, { type: 'showcase:submit' }, 'You cannot submit showcases');
      const form = blankForm(request.query.dataset ?? '');
      return renderShowcaseForm(ctx, reply, request.actor, undefined, form);
    },
  );

  app.post('/account/showcases/new', { schema: { hide: true } }, async (request, reply) => {
    const upload = await readShowcaseUpload(app, request, reply);
    const form = formFrom(upload.fields);
    try {
      const showcase = await submitShowcase(ctx, request.actor, inputFrom(form), {
        image: upload.image,
      });
      reply.flash(
        `Thank you: “${showcase.title}” is waiting for approval by a site administrator.`,
      );
      return await reply.redirect(`/showcases/${showcase.slug}`, 303);
    } catch (err) {
      const errors = formFailure(err);
      const dropped = upload.image !== undefined;
      return renderShowcaseForm(ctx, reply, request.actor, undefined, form, errors, dropped);
    }
  });
}
