import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { SlugParams } from '../../../../platform/http/schemas.js';
import { HOME } from '../../../../platform/views/page-head.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { canManageChallenge, readableChallenge } from '../../challenge-access.js';
import { removalOf } from '../../challenge-removal.service.js';
import { challengeDetail } from '../../challenge.service.js';
import { visibleEntries } from '../../entry.service.js';
import { STATUS_TAG } from '../status-tag.js';

/** /challenges/{slug}: the problem, the datasets, the deadline, entries once public, winners. */
export function challengePage(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>(
    '/challenges/:slug',
    { schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const row = await readableChallenge(ctx, request.actor, request.params.slug);
      const at = new Date();
      const [challenge, entries] = await Promise.all([
        challengeDetail(ctx, request.actor, row, at),
        visibleEntries(ctx, request.actor, row, at),
      ]);
      const canManage = canManageChallenge(request.actor, row);
      return reply.page('features/challenges/pages/challenge/challenge.njk', {
        pageTitle: challenge.title,
        section: 'challenges',
        breadcrumbs: [HOME, { text: 'Challenges', href: '/challenges' }],
        challenge,
        tag: STATUS_TAG[challenge.status],
        entries: entries.entries,
        winners: entries.entries.filter((e) => e.award !== null),
        // Entries the actor leads, which they may change or withdraw while it is open.
        led: [...entries.led],
        canManage,
        removal: canManage ? await removalOf(ctx, row, at) : null,
      });
    },
  );
}
