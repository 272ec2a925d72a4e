import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../../../context.js';
import { DomainError } from '../../../../platform/errors.js';
import { HOME } from '../../../../platform/views/page-head.js';
import {
  fieldErrorsOf,
  formErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { can, type Actor } from '../../../accounts/index.js';
import { getRequest, requestRow } from '../../data-request.service.js';
import { STATUS_TAGS } from '../../request-status.js';
import { commentOnRequest, moderateComment, supportRequest } from '../../request-voice.service.js';

const DIR = 'features/data-requests/pages/request';
const LIST = { text: 'Data requests', href: '/data-requests' };
const LABELS = { body: { label: 'Comment', id: 'comment-body' }, reason: { label: 'Reason' } };

const IdParam = Type.Object({ id: Type.String({ format: 'uuid' }) });
const CommentParam = Type.Object({
  id: Type.String({ format: 'uuid' }),
  commentId: Type.String({ format: 'uuid' }),
});
interface IdRoute {
  Params: Static<typeof IdParam>;
}
interface CommentRoute {
  Params: Static<typeof CommentParam>;
}

async function render(
  ctx: AppContext,
  actor: Actor,
  reply: FastifyReply,
  id: string,
  form: { body?: string; moderating?: string } = {},
  errors?: FormErrors,
) {
  const r = await getRequest(ctx, actor, id);
  const row = await requestRow(ctx, id);
  const orgId = row.organisation_id;
  return formPage(
    reply,
    `${DIR}/request.njk`,
    {
      pageTitle: r.title,
      section: 'data-requests',
      breadcrumbs: [HOME, LIST],
      r: { ...r, tag: STATUS_TAGS[r.status] },
      history: [...r.history].reverse().map((h) => ({ ...h, tag: STATUS_TAGS[h.to] })),
      canParticipate: can(actor, { type: 'data-request:participate' }),
      canAnswer:
        can(actor, { type: 'data-request:answer', organisationId: orgId }) ||
        can(actor, { type: 'data-request:reassign' }),
      canModerate: can(actor, { type: 'data-request:moderate', organisationId: orgId }),
      form: { body: form.body ?? '', moderating: form.moderating ?? '' },
      responseDays: ctx.config.dataRequestResponseDays,
    },
    errors,
  );
}

/** A conflict or a limit is shown on the page like a field's error; anything else is thrown. */
function asFormErrors(err: unknown, fieldName: string): FormErrors | null {
  const fields = fieldErrorsOf(err);
  if (fields) return formErrors(fields, LABELS);
  if (err instanceof DomainError && ['conflict', 'rate_limited'].includes(err.kind)) {
    return formErrors([{ field: fieldName, message: err.message }], LABELS);
  }
  return null;
}

/** /data-requests/{id}: the request, its answers, its supporters and comments. */
export function requestPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<IdRoute>(
    '/data-requests/:id',
    { schema: { hide: true, params: IdParam } },
    (request, reply) => render(ctx, request.actor, reply, request.params.id),
  );

  app.post<IdRoute>(
    '/data-requests/:id/support',
    { schema: { hide: true, params: IdParam }, ...formPost(app) },
    async (request, reply) => {
      const { id } = request.params;
      try {
        const result = await supportRequest(ctx, request.actor, id);
        reply.flash(
          result.outcome === 'counted'
            ? 'Thank you. You will be told when the request is answered.'
            : 'You have already said you need this. Each person counts once.',
        );
        return await reply.redirect(`/data-requests/${id}`, 303);
      } catch (err) {
        const errors = asFormErrors(err, 'body');
        if (!errors) throw err;
        return render(ctx, request.actor, reply, id, {}, errors);
      }
    },
  );

  app.post<IdRoute>(
    '/data-requests/:id/comments',
    { schema: { hide: true, params: IdParam }, ...formPost(app) },
    async (request, reply) => {
      const { id } = request.params;
      const body = field(request.body, 'body');
      try {
        await commentOnRequest(ctx, request.actor, id, body);
        reply.flash('Your comment is published');
        return await reply.redirect(`/data-requests/${id}#comments`, 303);
      } catch (err) {
        const errors = asFormErrors(err, 'body');
        if (!errors) throw err;
        return render(ctx, request.actor, reply, id, { body }, errors);
      }
    },
  );

  app.post<CommentRoute>(
    '/data-requests/:id/comments/:commentId/moderate',
    { schema: { hide: true, params: CommentParam }, ...formPost(app) },
    async (request, reply) => {
      const { id, commentId } = request.params;
      const action = field(request.body, 'action') === 'unhide' ? 'unhide' : 'hide';
      try {
        await moderateComment(ctx, request.actor, id, commentId, {
          action,
          reason: field(request.body, 'reason'),
        });
        reply.flash(action === 'hide' ? 'The comment is hidden' : 'The comment is shown again');
        return await reply.redirect(`/data-requests/${id}#comments`, 303);
      } catch (err) {
        const errors = asFormErrors(err, 'reason');
        if (!errors) throw err;
        return render(ctx, request.actor, reply, id, { moderating: commentId }, errors);
      }
    },
  );
}
