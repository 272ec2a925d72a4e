import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { ATOM, CACHE, promiseFeed } from '../downloads.page.js';
import { canEditPromises } from '../../promise-access.js';
import { SlugParams } from '../../../../platform/http/schemas.js';
import { HOME } from '../../../../platform/views/page-head.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import type { PromiseExtensions } from '../../promise-links.js';
import { getPromise } from '../../promise.service.js';
import { statusTag, suggestionLine, timelineView } from './promise.view.js';

/** /promises/{slug}: the permalink of a promise, with its indicators and its timeline. */
export function promisePage(app: FastifyInstance, ctx: AppContext, ext: PromiseExtensions): void {
  app.get<SlugRoute>(
    '/promises/:slug',
    { schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      // A slug has no dot, so "/promises/{slug}.atom" reaches this route as a slug ending in
      // ".atom": the feed that follows one promise.
      const feedOf = /^(.+)\.atom$/.exec(request.params.slug)?.[1];
      if (feedOf !== undefined) {
        const body = await promiseFeed(ctx, feedOf);
        return reply.type(ATOM).header('cache-control', CACHE).send(body);
      }
      const [promise, canEdit] = await Promise.all([
        getPromise(ctx, request.actor, request.params.slug),
        canEditPromises(ctx, request.actor),
      ]);
      const challenges = ext.challenges ? await ext.challenges(ctx, promise.id) : [];
      return reply.page('features/promises/pages/promise/promise.njk', {
        pageTitle: promise.title,
        section: 'promises',
        breadcrumbs: [HOME, { text: 'Promises', href: '/promises' }],
        promise,
        tag: statusTag(promise.status),
        suggestion: suggestionLine(promise.status, promise.suggested_status),
        suggestionDiffers:
          promise.suggested_status !== null && promise.suggested_status !== promise.status,
        timeline: timelineView(promise.history),
        indicators: promise.indicators,
        canEdit,
        challenges,
      });
    },
  );
}
