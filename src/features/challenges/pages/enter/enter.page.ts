import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { HOME } from '../../../../platform/views/page-head.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import type { ChallengeWithOrg } from '../../challenge.repository.js';
import { readableChallenge } from '../../challenge-access.js';
import { challengeStatus } from '../../challenge-status.js';
import { createEntry } from '../../entry.service.js';
import {
  asFormError,
  blankEntryForm,
  entryFormFromBody,
  entryInputOf,
  LABELS,
  type EntryForm,
} from './enter.view.js';

const TEMPLATE = 'features/challenges/pages/enter/enter.njk';

function render(reply: FastifyReply, c: ChallengeWithOrg, form: EntryForm, errors?: FormErrors) {
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: `Enter “${c.title}”`,
      section: 'challenges',
      breadcrumbs: [
        HOME,
        { text: 'Challenges', href: '/challenges' },
        { text: c.title, href: `/challenges/${c.slug}` },
      ],
      challenge: c,
      status: challengeStatus(c, new Date()),
      form,
    },
    errors,
  );
}

/** /account/challenges/{slug}/enter: the entry form (signed-in people only, by the guard). */
export function enterPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>('/account/challenges/:slug/enter', async (request, reply) => {
    const c = await readableChallenge(ctx, request.actor, request.params.slug);
    return render(reply, c, blankEntryForm());
  });

  app.post<SlugRoute>('/account/challenges/:slug/enter', formPost(app), async (request, reply) => {
    const c = await readableChallenge(ctx, request.actor, request.params.slug);
    return submitForm(reply, request.body, {
      labels: LABELS,
      read(body) {
        const form = entryFormFromBody(body);
        return { form, ...entryInputOf(form) };
      },
      save: (input) =>
        asFormError(
          createEntry(ctx, request.actor, c.slug, input),
          (err) => err.code === 'deadline_passed',
        ),
      next: () => {
        reply.flash('Your entry is in. Only your team and the judges see it until the deadline.');
        return `/challenges/${c.slug}#entries`;
      },
      render: (form, errors) => render(reply, c, form, errors),
    });
  });
}
