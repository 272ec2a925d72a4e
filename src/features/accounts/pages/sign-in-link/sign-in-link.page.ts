import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import {
  errorLocals,
  formErrors,
  noErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { sessionCookieOptions } from '../../auth.plugin.js';
import { SESSION_COOKIE } from '../../session.service.js';
import {
  requestSignInLink,
  signInLinkIsUsable,
  signInWithLink,
} from '../../sign-in-link.service.js';
import { destination } from '../sign-in/destination.js';

const DIR = 'features/accounts/pages/sign-in-link';
const LABELS = { email: { label: 'E-mail address' } };

function renderRequest(reply: FastifyReply, email = '', errors: FormErrors = noErrors()) {
  return reply.page(
    `${DIR}/request.njk`,
    { pageTitle: 'Get a sign-in link', section: 'sign-in', email, ...errorLocals(errors) },
    errors.list.length > 0 ? 422 : 200,
  );
}

/** A link that is unknown, used or out of time: 410, whatever the reason (it says nothing). */
const renderGone = (reply: FastifyReply) =>
  reply.page(
    `${DIR}/gone.njk`,
    { pageTitle: 'This sign-in link has expired or has been used', section: 'sign-in' },
    410,
  );

/**
 * "E-mail me a sign-in link": the way in that no password guesser can block. Opening the link
 * shows a button rather than signing in, as mail scanners open links on their own; the button's
 * post uses the link, once.
 */
export function signInLinkPages(app: FastifyInstance, ctx: AppContext): void {
  app.get('/sign-in/link', (_request, reply) => renderRequest(reply));

  app.post('/sign-in/link', formPost(app), async (request, reply) => {
    const email = field(request.body, 'email').trim();
    if (!email) {
      const errors = formErrors([{ field: 'email', message: 'Enter your e-mail address' }], LABELS);
      return renderRequest(reply, email, errors);
    }
    try {
      const outcome = await requestSignInLink(ctx, { email, address: request.ip });
      if (outcome === 'throttled') {
        request.log.warn({ address: request.ip }, 'sign-in link request throttled');
      }
    } catch (err) {
      // The person is told the same as ever; the operator reads why in the log.
      request.log.error({ err }, 'mail not sent');
    }
    const minutes = ctx.config.signInLinkTtlMinutes;
    return reply.page(`${DIR}/sent.njk`, { pageTitle: 'Check your e-mail', email, minutes });
  });

  app.get<{ Params: { token: string } }>('/sign-in/link/:token', async (request, reply) => {
    if (!(await signInLinkIsUsable(ctx, request.params.token))) return renderGone(reply);
    // The page holds the link's secret: no cache keeps it.
    reply.header('cache-control', 'no-store');
    return reply.page(`${DIR}/confirm.njk`, {
      pageTitle: 'Sign in',
      section: 'sign-in',
      action: `/sign-in/link/${encodeURIComponent(request.params.token)}`,
    });
  });

  app.post<{ Params: { token: string } }>(
    '/sign-in/link/:token',
    formPost(app),
    async (request, reply) => {
      const result = await signInWithLink(ctx, {
        token: request.params.token,
        address: request.ip,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      if (!result) return renderGone(reply);
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(ctx));
      return reply.redirect(await destination(ctx, result.user.id, null), 303);
    },
  );
}
