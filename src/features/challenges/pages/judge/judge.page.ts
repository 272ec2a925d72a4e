import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { FieldError } from '../../../../platform/errors.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import type { Actor } from '../../../accounts/index.js';
import type { ChallengeWithOrg } from '../../challenge.repository.js';
import { manageableChallenge } from '../../challenge-access.js';
import { visibleEntries } from '../../entry.service.js';
import { challengeStatus } from '../../challenge-status.js';
import { markWinners, writeOutcome } from '../../judging.service.js';

const TEMPLATE = 'features/challenges/pages/judge/judge.njk';
const LABELS = { winners: { label: 'Winners' }, outcome: { label: 'Outcome' } };

interface JudgeForm {
  awards: Record<string, string>;
  outcome: string;
}

async function render(
  ctx: AppContext,
  actor: Actor,
  reply: FastifyReply,
  c: ChallengeWithOrg,
  form: JudgeForm | null,
  errors?: FormErrors,
) {
  const { entries } = await visibleEntries(ctx, actor, c, new Date());
  const shown = form ?? {
    awards: Object.fromEntries(entries.map((e) => [e.id, e.award ?? 'none'])),
    outcome: c.outcome ?? '',
  };
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: `Judge “${c.title}”`,
      section: 'publish',
      breadcrumbs: [PUBLISH, { text: c.title, href: `/challenges/${c.slug}` }],
      challenge: c,
      // Judging starts at the deadline; before it the page says so rather than offer the form.
      judging: ['judging', 'decided'].includes(challengeStatus(c, new Date())),
      entries,
      form: shown,
    },
    errors,
  );
}

/**
 * /publish/challenges/{slug}/judge: after the deadline, one form to mark each entry a winner,
 * commended or neither, and write the outcome (the same services as the API).
 */
export function judgePages(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>('/publish/challenges/:slug/judge', async (request, reply) => {
    const c = await manageableChallenge(ctx, request.actor, request.params.slug);
    return render(ctx, request.actor, reply, c, null);
  });

  app.post<SlugRoute>('/publish/challenges/:slug/judge', formPost(app), async (request, reply) => {
    const c = await manageableChallenge(ctx, request.actor, request.params.slug);
    const { entries } = await visibleEntries(ctx, request.actor, c, new Date());
    return submitForm(reply, request.body, {
      labels: LABELS,
      read(body) {
        const awards = Object.fromEntries(
          entries.map((e) => [e.id, field(body, `award-${e.id}`) || 'none']),
        );
        const form = { awards, outcome: field(body, 'outcome').trim() };
        const pick = (a: string) => entries.filter((e) => awards[e.id] === a).map((e) => e.id);
        const input = {
          winners: pick('winner'),
          commended: pick('commended'),
          outcome: form.outcome,
        };
        const errors: FieldError[] = [];
        if (input.winners.length === 0) {
          errors.push({ field: 'winners', message: 'Choose at least one winner' });
        }
        if (input.outcome === '') errors.push({ field: 'outcome', message: 'Write the outcome' });
        return { form, input, errors };
      },
      async save(input) {
        await markWinners(ctx, request.actor, c.slug, input);
        return writeOutcome(ctx, request.actor, c.slug, input.outcome);
      },
      next: (saved) => `/challenges/${saved.slug}#outcome`,
      render: (form, errors) => render(ctx, request.actor, reply, c, form, errors),
    });
  });
}
