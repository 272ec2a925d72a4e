import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../../../context.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { acceptEntryInvitation, myInvitations } from '../../entry.service.js';

const AcceptParams = Type.Object({
  slug: Type.String({ maxLength: 200 }),
  id: Type.String({ format: 'uuid' }),
});

/**
 * /account/challenges: the invitations waiting for the signed-in person's address, each with
 * a button to accept (a form, so it works without JavaScript).
 */
export function myChallengesPages(app: FastifyInstance, ctx: AppContext): void {
  app.get('/account/challenges', async (request, reply) => {
    const invitations = await myInvitations(ctx, request.actor);
    return reply.page('features/challenges/pages/my-challenges/my-challenges.njk', {
      pageTitle: 'Your challenge invitations',
      section: 'challenges',
      breadcrumbs: [HOME, { text: 'Challenges', href: '/challenges' }],
      invitations,
    });
  });

  app.post<{ Params: Static<typeof AcceptParams> }>(
    '/account/challenges/:slug/entries/:id/accept',
    { ...formPost(app), schema: { hide: true, params: AcceptParams } },
    async (request, reply) => {
      const { slug, id } = request.params;
      const entry = await acceptEntryInvitation(ctx, request.actor, slug, id);
      reply.flash(`You joined the team of “${entry.title}”.`);
      return reply.redirect(`/challenges/${slug}#entries`, 303);
    },
  );
}
