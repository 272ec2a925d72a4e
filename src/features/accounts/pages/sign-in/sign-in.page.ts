import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { DomainError, type FieldError } from '../../../../platform/errors.js';
import { sessionCookieOptions } from '../../auth.plugin.js';
import { SESSION_COOKIE, signIn } from '../../session.service.js';
import { mailLink } from '../../sign-in-link.service.js';
import {
  errorLocals,
  formErrors,
  noErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import { field, safeNext } from '../../../../platform/views/forms/form-input.js';
import { destination } from './destination.js';

const TEMPLATE = 'features/accounts/pages/sign-in/sign-in.njk';
const LABELS = { email: { label: 'E-mail address' }, password: { label: 'Password' } };

function render(
  reply: FastifyReply,
  locals: { next: string | null; email?: string; errors?: FormErrors },
  status = 200,
) {
  const { errors = noErrors(), ...rest } = locals;
  return reply.page(
    TEMPLATE,
    { pageTitle: 'Sign in', section: 'sign-in', ...rest, ...errorLocals(errors) },
    status,
  );
}

export function signInPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/sign-in', async (request, reply) => {
    const next = safeNext(field(request.query, 'next'));
    const user = request.actor.user;
    if (user) return reply.redirect(await destination(ctx, user.id, next), 303);
    return render(reply, { next });
  });

  app.post('/sign-in', { preHandler: app.csrfProtection.bind(app) }, async (request, reply) => {
    const next = safeNext(field(request.body, 'next'));
    const email = field(request.body, 'email').trim();
    const password = field(request.body, 'password');
    const missing: FieldError[] = [];
    if (!email) missing.push({ field: 'email', message: 'Enter your e-mail address' });
    if (!password) missing.push({ field: 'password', message: 'Enter your password' });
    if (missing.length > 0) {
      return render(reply, { next, email, errors: formErrors(missing, LABELS) }, 422);
    }
    let result;
    try {
      result = await signIn(ctx, {
        email,
        password,
        address: request.ip,
        previousToken: request.cookies[SESSION_COOKIE],
      });
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind !== 'rate_limited') throw err;
      // details: the account (id, or a hash of an unknown e-mail), address, limit, wait.
      request.log.warn({ throttle: err.details }, 'sign-in throttled');
      const retry = (err.details as { retry_after_seconds?: number }).retry_after_seconds;
      if (retry) reply.header('retry-after', String(retry));
      const errors = formErrors([{ field: 'email', message: err.message }], LABELS);
      return render(reply, { next, email, errors }, 429);
    }
    if (!result) {
      // One message for an unknown address and a wrong password alike.
      const message = 'The e-mail address or password is wrong';
      const errors = formErrors([{ field: 'email', message }], LABELS);
      return render(reply, { next, email, errors }, 401);
    }
    if (result.token === null) {
      // Only someone who knows the password learns the account waits for its confirmation.
      await mailLink(ctx, result.user, 'sign-up');
      const message =
        'Confirm your e-mail address first: we have e-mailed you a new link that signs you in';
      const errors = formErrors([{ field: 'email', message }], LABELS);
      return render(reply, { next, email, errors }, 403);
    }
    reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(ctx));
    return reply.redirect(await destination(ctx, result.user.id, next), 303);
  });
}
