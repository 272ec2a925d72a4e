import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { conflict } from '../../../../platform/errors.js';
import { SlugParams } from '../../../../platform/http/schemas.js';
import {
  confirmDeletePage,
  deletedRedirect,
} from '../../../../platform/views/forms/confirm-delete.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { manageableChallenge } from '../../challenge-access.js';
import type { ChallengeWithOrg } from '../../challenge.repository.js';
import { cancelChallenge, deleteChallenge, removalOf } from '../../challenge-removal.service.js';
import { challengeDetail } from '../../challenge.service.js';

const LABELS = { reason: { label: 'Reason' } };

async function renderCancel(
  ctx: AppContext,
  reply: FastifyReply,
  c: ChallengeWithOrg,
  reason: string,
  errors?: FormErrors,
) {
  const detail = await challengeDetail(ctx, reply.request.actor, c);
  return formPage(
    reply,
    'features/challenges/pages/removal/cancel.njk',
    {
      pageTitle: `Cancel the challenge “${c.title}”?`,
      section: 'publish',
      breadcrumbs: [PUBLISH, { text: c.title, href: `/challenges/${c.slug}` }],
      challenge: c,
      entryCount: detail.entry_count,
      reason,
    },
    errors,
  );
}

/**
 * /publish/challenges/{slug}/delete and …/cancel: the organisation takes a challenge down.
 * Nobody entered: "are you sure?", then it is deleted. With entries: cancelled, with a reason.
 */
export function removalPages(app: FastifyInstance, ctx: AppContext): void {
  const schema = { hide: true, params: SlugParams };

  app.get<SlugRoute>('/publish/challenges/:slug/delete', { schema }, async (request, reply) => {
    const c = await manageableChallenge(ctx, request.actor, request.params.slug);
    if ((await removalOf(ctx, c)) !== 'delete') {
      throw conflict('People have entered this challenge: cancel it instead', null, 'has_entries');
    }
    return confirmDeletePage(reply, {
      kind: 'challenge',
      name: c.title,
      paragraphs: ['Nobody has entered it yet. It leaves the challenges for good.'],
      action: `/publish/challenges/${c.slug}/delete`,
      back: { text: c.title, href: `/challenges/${c.slug}` },
    });
  });

  app.post<SlugRoute>(
    '/publish/challenges/:slug/delete',
    { schema, ...formPost(app) },
    async (request, reply) => {
      const c = await manageableChallenge(ctx, request.actor, request.params.slug);
      await deleteChallenge(ctx, request.actor, c.slug);
      return deletedRedirect(reply, 'challenge', c.title, '/challenges');
    },
  );

  app.get<SlugRoute>('/publish/challenges/:slug/cancel', { schema }, async (request, reply) => {
    const c = await manageableChallenge(ctx, request.actor, request.params.slug);
    return renderCancel(ctx, reply, c, '');
  });

  app.post<SlugRoute>(
    '/publish/challenges/:slug/cancel',
    { schema, ...formPost(app) },
    async (request, reply) => {
      const c = await manageableChallenge(ctx, request.actor, request.params.slug);
      return submitForm(reply, request.body, {
        labels: LABELS,
        read(body) {
          const reason = field(body, 'reason');
          const errors = reason.trim() ? [] : [{ field: 'reason', message: 'Enter the reason' }];
          return { form: reason, input: reason, errors };
        },
        save: (reason) => cancelChallenge(ctx, request.actor, c.slug, reason),
        next: () => {
          reply.flash(`The challenge “${c.title}” is cancelled; its entrants were told why.`);
          return `/challenges/${c.slug}`;
        },
        render: (reason, errors) => renderCancel(ctx, reply, c, reason, errors),
      });
    },
  );
}
