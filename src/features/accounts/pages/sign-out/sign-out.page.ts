import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { sessionCookieOptions } from '../../auth.plugin.js';
import { SESSION_COOKIE, signOut } from '../../session.service.js';

// Signing out changes state, so it is a POST with a CSRF token: a link (or an image planted on
// another site) can only reach the confirmation page.
export function signOutPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/sign-out', async (request, reply) => {
    if (!request.actor.user) return reply.redirect('/', 303);
    return reply.page('features/accounts/pages/sign-out/sign-out.njk', {
      pageTitle: 'Sign out',
    });
  });

  app.post('/sign-out', { preHandler: app.csrfProtection.bind(app) }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(ctx, token);
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
    return reply.redirect('/', 303);
  });
}
