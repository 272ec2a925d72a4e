import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { sectionPage } from '../../../../platform/views/page-head.js';
import { listChallenges } from '../../challenge.service.js';
import { isPublisher } from '../../../accounts/index.js';
import { STATUS_TAG } from '../status-tag.js';

const GROUPS = [
  { status: 'open', title: 'Open for entries' },
  { status: 'judging', title: 'Being judged' },
  { status: 'decided', title: 'Decided' },
  { status: 'draft', title: 'Drafts (only your organisation sees these)' },
] as const;

/** /challenges: open challenges first, then those being judged, then decided ones. */
export function challengesPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/challenges', { schema: { hide: true } }, async (request, reply) => {
    const all = await listChallenges(ctx, request.actor, {});
    const groups = GROUPS.map((g) => ({
      ...g,
      id: g.status,
      challenges: all
        .filter((c) => c.status === g.status)
        .map((c) => ({ ...c, tag: STATUS_TAG[c.status] })),
    })).filter((g) => g.status !== 'draft' || g.challenges.length > 0);
    return reply.page('features/challenges/pages/challenges/challenges.njk', {
      ...sectionPage('Challenges', 'challenges'),
      groups,
      canSet: isPublisher(request.actor),
    });
  });
}
