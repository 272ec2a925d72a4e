import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { DomainError } from '../../../../platform/errors.js';
import {
  errorLocals,
  fieldErrorsOf,
  formErrors,
  noErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import type { Actor } from '../../../accounts/index.js';
import { getReport } from '../../report.service.js';
import { confirmSupport, supportLinkState, supportReport } from '../../support.service.js';
import { renderGone } from '../report-confirm/report-confirm.page.js';
import { orgName } from '../report-sent/report-sent.page.js';
import { ageInWords, journeyHead } from '../report-shared/journey.js';

const DIR = 'features/reports/pages/report-support';
const LABELS = { email: { label: 'E-mail address', id: 'email' } };

interface IdRoute {
  Params: { id: string };
}
interface TokenRoute {
  Params: { token: string };
}

const verified = (actor: Actor) =>
  actor.user?.emailVerified === true && actor.scopes.has('reports') ? actor.user : null;

async function renderForm(
  ctx: AppContext,
  reply: FastifyReply,
  actor: Actor,
  id: string,
  email = '',
  errors?: FormErrors,
  status?: number,
) {
  const { report, category } = await getReport(ctx, actor, id);
  const resident = verified(actor);
  return reply.page(
    `${DIR}/support.njk`,
    {
      ...journeyHead('Do you have this problem too?'),
      report: {
        id: report.id,
        category: category.name,
        ward: report.ward_name,
        description: report.description,
        age: ageInWords(report.created_at),
        supporters: report.supporters_count,
        bodyName: await orgName(ctx, report.organisation_id),
      },
      resident: resident ? { email: resident.email } : null,
      email,
      ...errorLocals(errors ?? noErrors()),
    },
    status ?? (errors ? 422 : 200),
  );
}

const done = (
  reply: FastifyReply,
  reportId: string,
  pageTitle: string,
  paragraphs: string[],
  panel?: string,
) =>
  reply.page(`${DIR}/support-done.njk`, {
    ...journeyHead(pageTitle),
    reportId,
    paragraphs,
    panel: panel ?? null,
  });

const people = (n: number) => `${n} ${n === 1 ? 'person has' : 'people have'} this problem`;

/**
 * "Me too": /reports/{id}/support (the public report page and the nearby list link here), and
 * the link mailed to confirm it, which like a report's shows a button before it counts.
 */
export function reportSupportPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<IdRoute>('/reports/:id/support', { schema: { hide: true } }, (request, reply) =>
    renderForm(ctx, reply, request.actor, request.params.id),
  );

  app.post<IdRoute>(
    '/reports/:id/support',
    { schema: { hide: true }, ...formPost(app) },
    async (request, reply) => {
      const email = field(request.body, 'email').trim();
      const { id } = request.params;
      try {
        const result = await supportReport(ctx, request.actor, id, {
          email,
          clientAddress: request.ip,
        });
        if (result.outcome === 'check_email') {
          return await done(reply, id, 'Check your e-mail', [
            `We have sent a link to ${result.email}. Follow it to confirm you have this problem too.`,
            `The link works for ${ctx.config.reportConfirmHours} hours.`,
          ]);
        }
        if (result.outcome === 'already') {
          return await done(reply, id, 'You have already said you have this problem', [
            'Each person counts once. You will be told when the report is updated.',
          ]);
        }
        return await done(
          reply,
          id,
          'Thank you',
          ['You will be told when the report is updated.'],
          people(result.supporters),
        );
      } catch (err) {
        const fields = fieldErrorsOf(err);
        if (fields)
          return renderForm(ctx, reply, request.actor, id, email, formErrors(fields, LABELS));
        if (err instanceof DomainError && ['conflict', 'rate_limited'].includes(err.kind)) {
          const status = err.kind === 'rate_limited' ? 429 : 409;
          const errors = formErrors([{ field: 'email', message: err.message }], LABELS);
          return renderForm(ctx, reply, request.actor, id, email, errors, status);
        }
        throw err;
      }
    },
  );

  app.get<TokenRoute>(
    '/report/support/confirm/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      const state = await supportLinkState(ctx, request.params.token);
      if (state === 'gone') return renderGone(reply, '“me too”');
      reply.header('cache-control', 'no-store');
      return reply.page('features/reports/pages/report-confirm/confirm.njk', {
        ...journeyHead('Confirm you have this problem too'),
        intro:
          state === 'used'
            ? 'You have confirmed this already: it counts once.'
            : 'Your “me too” counts once you confirm it.',
        quote: null,
        action: `/report/support/confirm/${encodeURIComponent(request.params.token)}`,
        buttonText: 'Confirm',
      });
    },
  );

  app.post<TokenRoute>(
    '/report/support/confirm/:token',
    { schema: { hide: true }, ...formPost(app) },
    async (request, reply) => {
      if ((await supportLinkState(ctx, request.params.token)) === 'gone') {
        return renderGone(reply, '“me too”');
      }
      const result = await confirmSupport(ctx, request.params.token);
      if (result.outcome === 'already') {
        return done(reply, result.report.id, 'You have already confirmed this', [
          'Each person counts once. You will be told when the report is updated.',
        ]);
      }
      return done(
        reply,
        result.report.id,
        'Thank you',
        ['You will be told when the report is updated.'],
        people(result.supporters),
      );
    },
  );
}
