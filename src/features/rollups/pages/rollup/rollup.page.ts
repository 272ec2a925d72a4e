import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../../context.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { addRollupMember, removeRollupMember } from '../../rollup-members.service.js';
import { canChangeRollups, readableRollup, requestRebuild } from '../../rollup.service.js';
import { rollupView } from '../../rollup.view.js';
import { memberGroups, resourceIdIn } from './rollup.view.js';

const Slug = Type.Object({ slug: Type.String({ maxLength: 200 }) });
const SlugAndId = Type.Object({
  slug: Type.String({ maxLength: 200 }),
  id: Type.String({ format: 'uuid' }),
});

/**
 * /rollups/{slug}: which councils are in, which are missing and which fail (with what to
 * correct); the owner's administrators also add and remove members and rebuild from here.
 */
export function rollupPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { slug: string } }>(
    '/rollups/:slug',
    { schema: { hide: true, params: Slug } },
    async (request, reply) => {
      const { rollup } = await readableRollup(ctx, request.actor, request.params.slug);
      const view = await rollupView(ctx, rollup);
      return reply.page('features/rollups/pages/rollup/rollup.njk', {
        pageTitle: rollup.title,
        section: 'rollups',
        breadcrumbs: [HOME, { text: 'Roll-ups', href: '/rollups' }],
        rollup: view,
        ...memberGroups(view),
        canChange: canChangeRollups(request.actor, rollup.organisation_id),
      });
    },
  );

  const back = (slug: string) => `/rollups/${encodeURIComponent(slug)}`;

  app.post<{ Params: { slug: string } }>(
    '/publish/rollups/:slug/members',
    { ...formPost(app), schema: { hide: true, params: Slug } },
    async (request, reply) => {
      const id = resourceIdIn(field(request.body, 'resource'));
      if (!id) {
        reply.flash('Give the resource’s address (…/resources/<id>) or its id.');
        return reply.redirect(back(request.params.slug), 303);
      }
      await addRollupMember(ctx, request.actor, request.params.slug, id);
      reply.flash('The member was added; it is checked in the background.');
      return reply.redirect(back(request.params.slug), 303);
    },
  );

  app.post<{ Params: { slug: string; id: string } }>(
    '/publish/rollups/:slug/members/:id/remove',
    { ...formPost(app), schema: { hide: true, params: SlugAndId } },
    async (request, reply) => {
      await removeRollupMember(ctx, request.actor, request.params.slug, request.params.id);
      reply.flash('The member was taken out; its rows leave at the next rebuild.');
      return reply.redirect(back(request.params.slug), 303);
    },
  );

  app.post<{ Params: { slug: string } }>(
    '/publish/rollups/:slug/rebuild',
    { ...formPost(app), schema: { hide: true, params: Slug } },
    async (request, reply) => {
      const queued = await requestRebuild(ctx, request.actor, request.params.slug);
      reply.flash(queued ? 'A rebuild was queued.' : 'A rebuild is already waiting.');
      return reply.redirect(back(request.params.slug), 303);
    },
  );
}
