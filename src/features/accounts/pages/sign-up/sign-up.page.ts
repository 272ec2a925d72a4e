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
import { sessionCookieOptions } from '../../auth.plugin.js';
import { SESSION_COOKIE } from '../../session.service.js';
import { signInLinkIsUsable, signInWithLink } from '../../sign-in-link.service.js';
import { signUp } from '../../sign-up.service.js';
import { destination } from '../sign-in/destination.js';

const DIR = 'features/accounts/pages/sign-up';
const LABELS = {
  name: { label: 'Name' },
  email: { label: 'E-mail address' },
  password: { label: 'Password' },
};

interface Form {
  name: string;
  email: string;
}

function renderForm(
  reply: FastifyReply,
  form: Form = { name: '', email: '' },
  errors: FormErrors = noErrors(),
  status = errors.list.length > 0 ? 422 : 200,
) {
  return reply.page(
    `${DIR}/sign-up.njk`,
    { pageTitle: 'Create an account', section: 'sign-in', form, ...errorLocals(errors) },
    status,
  );
}

/**
 * Residents create their own account: name, e-mail and an optional password. The link mailed
 * to them confirms the address and signs them in; until then the account cannot sign in. Like
 * the sign-in link, opening the link shows a button (mail scanners open links on their own).
 */
export function signUpPages(app: FastifyInstance, ctx: AppContext): void {
  app.get('/sign-up', async (request, reply) => {
    const user = request.actor.user;
    if (user) return reply.redirect(await destination(ctx, user.id, null), 303);
    return renderForm(reply);
  });

  app.post('/sign-up', formPost(app), async (request, reply) => {
    const form = { name: field(request.body, 'name'), email: field(request.body, 'email').trim() };
    try {
      const outcome = await signUp(ctx, {
        ...form,
        password: field(request.body, 'password'),
        address: request.ip,
      });
      if (outcome === 'throttled') request.log.warn('sign-up mail throttled for an address');
    } catch (err) {
      const problems = fieldErrorsOf(err);
      if (problems) return renderForm(reply, form, formErrors(problems, LABELS));
      if (!(err instanceof DomainError) || err.kind !== 'rate_limited') throw err;
      request.log.warn({ address: request.ip }, 'sign-up throttled');
      reply.header('retry-after', '3600');
      const errors = formErrors([{ field: 'email', message: err.message }], LABELS);
      return renderForm(reply, form, errors, 429);
    }
    return reply.page(`${DIR}/sent.njk`, {
      pageTitle: 'Check your e-mail',
      section: 'sign-in',
      email: form.email,
      hours: ctx.config.signUpLinkHours,
    });
  });

  app.get<{ Params: { token: string } }>('/sign-up/verify/:token', async (request, reply) => {
    const usable = await signInLinkIsUsable(ctx, request.params.token);
    // The page holds the link's secret: no cache keeps it.
    reply.header('cache-control', 'no-store');
    return reply.page(
      `${DIR}/verify.njk`,
      {
        pageTitle: usable
          ? 'Confirm your e-mail address'
          : 'This link has expired or has been used',
        section: 'sign-in',
        usable,
        action: `/sign-up/verify/${encodeURIComponent(request.params.token)}`,
      },
      usable ? 200 : 410,
    );
  });

  app.post<{ Params: { token: string } }>(
    '/sign-up/verify/:token',
    formPost(app),
    async (request, reply) => {
      const result = await signInWithLink(ctx, {
        token: request.params.token,
        address: request.ip,
        previousToken: request.cookies[SESSION_COOKIE],
        purpose: 'sign-up',
      });
      if (!result) {
        return reply.page(
          `${DIR}/verify.njk`,
          {
            pageTitle: 'This link has expired or has been used',
            section: 'sign-in',
            usable: false,
          },
          410,
        );
      }
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(ctx));
      reply.flash('Your e-mail address is confirmed and you are signed in.');
      return reply.redirect(await destination(ctx, result.user.id, null), 303);
    },
  );
}
