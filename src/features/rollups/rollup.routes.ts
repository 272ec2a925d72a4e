import type { AppContext } from '../../context.js';
import { bearer, noContent, operations } from '../../platform/http/operations.js';
import { ListQuery, SlugParams } from '../../platform/http/schemas.js';
import { writeErrors, type Api } from '../../platform/http/types.js';
import { addRollupMember, removeRollupMember } from './rollup-members.service.js';
import {
  MemberBody,
  MemberParams,
  RebuildRequested,
  RollupBody,
  RollupPage,
  RollupView,
} from './rollup.responses.js';
import { createRollup, readableRollup, requestRebuild, rollupsFor } from './rollup.service.js';
import { rollupSummaries, rollupView } from './rollup.view.js';

const op = operations('rollups');

export function rollupRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/rollups',
    op.list(RollupPage, {
      summary: 'Roll-ups: regional tables combined from the councils’',
      querystring: ListQuery(),
    }),
    async (request) => {
      const page = await rollupsFor(ctx, request.actor, request.query);
      return { ...page, results: await rollupSummaries(ctx, page.results) };
    },
  );

  app.post(
    '/api/v1/rollups',
    op.create(RollupView, {
      summary: 'Create a roll-up over a Table Schema (the combined authority’s administrators)',
      body: RollupBody,
    }),
    async (request, reply) => {
      const b = request.body;
      const rollup = await createRollup(ctx, request.actor, {
        slug: b.slug,
        title: b.title,
        description: b.description,
        organisation: b.organisation,
        schema: b.schema,
        expected: b.expected_organisations,
        themes: b.themes,
        contact: b.contact,
      });
      return reply.status(201).send(await rollupView(ctx, rollup));
    },
  );

  app.get(
    '/api/v1/rollups/:slug',
    op.read(RollupView, {
      summary: 'A roll-up with its members, their validation reports, and who is missing',
      params: SlugParams,
    }),
    async (request) => {
      const { rollup } = await readableRollup(ctx, request.actor, request.params.slug);
      return rollupView(ctx, rollup);
    },
  );

  app.post(
    '/api/v1/rollups/:slug/members',
    op.create(RollupView, {
      summary: 'Add a resource as a member (a rebuild is queued)',
      params: SlugParams,
      body: MemberBody,
    }),
    async (request, reply) => {
      const { rollup } = await addRollupMember(
        ctx,
        request.actor,
        request.params.slug,
        request.body.resource_id,
      );
      return reply.status(201).send(await rollupView(ctx, rollup));
    },
  );

  app.delete(
    '/api/v1/rollups/:slug/members/:resource_id',
    op.remove({ summary: 'Take a member out (a rebuild is queued)', params: MemberParams }),
    (request, reply) =>
      noContent(
        reply,
        removeRollupMember(ctx, request.actor, request.params.slug, request.params.resource_id),
      ),
  );

  app.post(
    '/api/v1/rollups/:slug/rebuild',
    {
      schema: {
        tags: ['rollups'],
        summary: 'Check the members and rebuild the combined table (in the background)',
        params: SlugParams,
        security: bearer,
        response: { 202: RebuildRequested, ...writeErrors },
      },
    },
    async (request, reply) => {
      const queued = await requestRebuild(ctx, request.actor, request.params.slug);
      return reply.status(202).send({ queued });
    },
  );
}
