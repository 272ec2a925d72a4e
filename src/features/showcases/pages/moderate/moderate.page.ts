import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { SlugParams } from '../../../../platform/http/schemas.js';
import {
  fieldErrorsOf,
  formErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { publishPage } from '../../../../platform/views/page-head.js';
import {
  PageQuery,
  PER_PAGE,
  type PageQueryInput,
  type SlugRoute,
} from '../../../../platform/views/page-query.js';
import { paginationFor, rangeText } from '../../../../platform/views/pagination.js';
import { approveShowcase, rejectShowcase } from '../../showcase-moderation.service.js';
import { pendingShowcases } from '../../showcase.service.js';
import { pageShowcase } from '../page-showcase.js';

const QUEUE = '/publish/showcases';

async function renderQueue(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  page: number,
  failed?: { slug: string; reason: string; errors: FormErrors },
) {
  const listed = await pendingShowcases(ctx, request.actor, { page, per_page: PER_PAGE });
  return formPage(
    reply,
    'features/showcases/pages/moderate/moderate.njk',
    {
      ...publishPage('Showcases to approve'),
      showcases: listed.results.map(pageShowcase),
      total: listed.total,
      range: rangeText(page, PER_PAGE, listed.total),
      pagination: paginationFor(page, PER_PAGE, listed.total, (n) => `${QUEUE}?page=${n}`),
      failed: failed ? { slug: failed.slug, reason: failed.reason } : null,
    },
    failed?.errors,
  );
}

/** /publish/showcases: the site admins' queue of submissions, oldest first, to approve or reject. */
export function moderatePages(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: PageQueryInput }>(
    QUEUE,
    { schema: { hide: true, querystring: PageQuery } },
    (request, reply) => renderQueue(ctx, request, reply, request.query.page ?? 1),
  );

  app.post<SlugRoute>(
    `${QUEUE}/:slug/approve`,
    { schema: { hide: true, params: SlugParams }, ...formPost(app) },
    async (request, reply) => {
      const showcase = await approveShowcase(ctx, request.actor, request.params.slug);
      reply.flash(`“${showcase.title}” is approved and public.`);
      return reply.redirect(QUEUE, 303);
    },
  );

  app.post<SlugRoute>(
    `${QUEUE}/:slug/reject`,
    { schema: { hide: true, params: SlugParams }, ...formPost(app) },
    async (request, reply) => {
      const { slug } = request.params;
      const reason = field(request.body, 'reason');
      try {
        const showcase = await rejectShowcase(ctx, request.actor, slug, reason);
        reply.flash(`“${showcase.title}” is rejected; its author sees why.`);
        return await reply.redirect(QUEUE, 303);
      } catch (err) {
        const fields = fieldErrorsOf(err);
        if (!fields) throw err;
        const labels = { reason: { label: 'Reason', id: `reason-${slug}` } };
        return renderQueue(ctx, request, reply, 1, {
          slug,
          reason,
          errors: formErrors(fields, labels),
        });
      }
    },
  );
}
