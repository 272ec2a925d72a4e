import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../../../context.js';
import {
  fieldErrorsOf,
  formErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { formatBytes } from '../../../../platform/views/filters.js';
import { authorise, type Actor } from '../../../accounts/index.js';
import { MAX_IMAGE_BYTES } from '../../showcase-image.js';
import { submitShowcase } from '../../showcase-submit.service.js';
import { readShowcaseUpload } from './submit-upload.js';
import {
  blankForm,
  formFrom,
  inputFrom,
  LABELS,
  typeItems,
  type SubmitForm,
} from './submit.view.js';

const Query = Type.Object({ dataset: Type.Optional(Type.String({ maxLength: 200 })) });

function render(
  reply: FastifyReply,
  actor: Actor,
  form: SubmitForm,
  errors?: FormErrors,
  imageDropped = false,
) {
  return formPage(
    reply,
    'features/showcases/pages/submit/submit.njk',
    {
      pageTitle: 'Submit a showcase',
      section: 'showcases',
      breadcrumbs: [HOME, { text: 'Showcases', href: '/showcases' }],
      form,
      types: typeItems(form.type),
      accountName: actor.user?.name ?? '',
      maxImage: formatBytes(MAX_IMAGE_BYTES),
      imageDropped,
    },
    errors,
  );
}

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
      return render(reply, request.actor, blankForm(request.query.dataset ?? ''));
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
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return render(
        reply,
        request.actor,
        form,
        formErrors(fields, LABELS),
        upload.image !== undefined,
      );
    }
  });
}
