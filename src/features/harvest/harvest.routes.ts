import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { bearer, operations } from '../../platform/http/operations.js';
import {
  IdParams,
  ListQuery,
  Nullable,
  Page,
  WebUrl,
  enumOf,
} from '../../platform/http/schemas.js';
import { writeErrors, type Api } from '../../platform/http/types.js';
import { createSource, SOURCE_TYPES } from './harvest-source.service.js';
import { requestRun, runsOf, runWithItems, sourceFor, sourcesFor } from './harvest-runs.service.js';
import {
  Cron,
  Filters,
  itemView,
  RunDetail,
  RunView,
  runView,
  SourceView,
  sourceView,
} from './harvest.responses.js';

const op = operations('harvest');

const SourceBody = Type.Object(
  {
    organisation: Type.String({ maxLength: 200 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    url: WebUrl,
    type: enumOf(SOURCE_TYPES),
    interval_minutes: Type.Optional(Nullable(Type.Integer({ minimum: 15, maximum: 525_600 }))),
    cron: Type.Optional(Nullable(Cron)),
    filters: Type.Optional(Filters),
    default_licence: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    load_data: Type.Optional(Type.Boolean()),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const RunRequested = Type.Object({
  queued: Type.Boolean({ description: 'false: a run of this source was already waiting' }),
});

/** The organisation slugs of sources, by organisation id. */
async function slugs(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.kysely
    .selectFrom('organisations')
    .select(['id', 'slug'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.slug]));
}

export function harvestRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/harvest-sources',
    op.list(Page(SourceView), {
      summary: 'The harvest sources you manage (organisation and site administrators)',
      querystring: ListQuery(),
    }),
    async (request) => {
      const page = await sourcesFor(ctx, request.actor, request.query);
      const orgs = await slugs(
        ctx,
        page.results.map((s) => s.organisation_id),
      );
      return {
        ...page,
        results: page.results.map((s) => sourceView(s, orgs.get(s.organisation_id) ?? '')),
      };
    },
  );

  app.post(
    '/api/v1/harvest-sources',
    op.create(SourceView, { summary: 'Add a harvest source to an organisation', body: SourceBody }),
    async (request, reply) => {
      const b = request.body;
      const source = await createSource(ctx, request.actor, {
        organisation: b.organisation,
        title: b.title,
        url: b.url,
        type: b.type,
        intervalMinutes: b.interval_minutes ?? null,
        cron: b.cron ?? null,
        filters: b.filters ?? {},
        defaultLicence: b.default_licence ?? null,
        loadData: b.load_data ?? false,
        enabled: b.enabled ?? true,
      });
      return reply.status(201).send(sourceView(source, b.organisation));
    },
  );

  app.get(
    '/api/v1/harvest-sources/:id',
    op.read(SourceView, { summary: 'One harvest source', params: IdParams }),
    async (request) => {
      const source = await sourceFor(ctx, request.actor, request.params.id);
      const orgs = await slugs(ctx, [source.organisation_id]);
      return sourceView(source, orgs.get(source.organisation_id) ?? '');
    },
  );

  app.get(
    '/api/v1/harvest-sources/:id/runs',
    op.list(Page(RunView), {
      summary: 'The runs of a harvest source, newest first',
      params: IdParams,
      querystring: ListQuery(),
    }),
    async (request) => {
      const page = await runsOf(ctx, request.actor, request.params.id, request.query);
      return { ...page, results: page.results.map(runView) };
    },
  );

  app.post(
    '/api/v1/harvest-sources/:id/runs',
    {
      schema: {
        tags: ['harvest'],
        summary: 'Run a harvest source now (in the background; see its runs)',
        params: IdParams,
        security: bearer,
        response: { 202: RunRequested, ...writeErrors },
      },
    },
    async (request, reply) => {
      const queued = await requestRun(ctx, request.actor, request.params.id);
      return reply.status(202).send({ queued });
    },
  );

  app.get(
    '/api/v1/harvest-runs/:id',
    op.read(RunDetail, {
      summary: 'A harvest run with its log: what changed and what failed, with the errors',
      params: IdParams,
      querystring: ListQuery(),
    }),
    async (request) => {
      const found = await runWithItems(ctx, request.actor, request.params.id, request.query);
      const total = found.run.created + found.run.updated + found.run.withdrawn + found.run.failed;
      return {
        run: runView(found.run),
        items: {
          total,
          page: found.page,
          per_page: found.per_page,
          results: found.items.map(itemView),
        },
      };
    },
  );
}
