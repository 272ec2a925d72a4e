import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { noContent, operations } from '../../platform/http/operations.js';
import { IdParams, Nullable, WebUrl, enumOf } from '../../platform/http/schemas.js';
import type { Api } from '../../platform/http/types.js';
import { changeSource, deleteSource } from './harvest-source-edit.service.js';
import { SOURCE_TYPES } from './harvest-source-rules.js';
import { Cron, Filters, SourceView, sourceView } from './harvest.responses.js';

// Changing and deleting a harvest source (docs/api.md, "Harvest sources").

const op = operations('harvest');

const SourcePatch = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    url: Type.Optional(WebUrl),
    type: Type.Optional(enumOf(SOURCE_TYPES)),
    interval_minutes: Type.Optional(Nullable(Type.Integer({ minimum: 15, maximum: 525_600 }))),
    cron: Type.Optional(Nullable(Cron)),
    filters: Type.Optional(Filters),
    default_licence: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    load_data: Type.Optional(
      Type.Boolean({ description: 'Download and load its data files into the datastore' }),
    ),
    enabled: Type.Optional(Type.Boolean({ description: 'false: never run, by schedule or hand' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const DeleteQuery = Type.Object(
  {
    withdraw_datasets: Type.Optional(
      Type.Boolean({
        description:
          'Also withdraw (soft-delete) the datasets it harvested; by default they stay, ' +
          'no longer harvested',
      }),
    ),
  },
  { additionalProperties: false },
);

async function organisationSlug(ctx: AppContext, id: string): Promise<string> {
  const row = await ctx.db.kysely
    .selectFrom('organisations')
    .select('slug')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.slug ?? '';
}

export function harvestEditRoutes(app: Api, ctx: AppContext): void {
  app.patch(
    '/api/v1/harvest-sources/:id',
    op.update(SourceView, {
      summary: 'Change a harvest source: its settings, its schedule, or enable or disable it',
      description:
        'Fields left out keep their values. Setting `interval_minutes` clears `cron` and the ' +
        'reverse; both null: runs by hand only. A disabled source is never run.',
      params: IdParams,
      body: SourcePatch,
    }),
    async (request) => {
      const b = request.body;
      const source = await changeSource(ctx, request.actor, request.params.id, {
        ...(b.title !== undefined && { title: b.title }),
        ...(b.url !== undefined && { url: b.url }),
        ...(b.type !== undefined && { type: b.type }),
        ...(b.interval_minutes !== undefined && { intervalMinutes: b.interval_minutes }),
        ...(b.cron !== undefined && { cron: b.cron }),
        ...(b.filters !== undefined && { filters: b.filters }),
        ...(b.default_licence !== undefined && { defaultLicence: b.default_licence }),
        ...(b.load_data !== undefined && { loadData: b.load_data }),
        ...(b.enabled !== undefined && { enabled: b.enabled }),
      });
      return sourceView(source, await organisationSlug(ctx, source.organisation_id));
    },
  );

  app.delete(
    '/api/v1/harvest-sources/:id',
    op.remove({
      summary: 'Delete a harvest source with its runs; its datasets stay unless withdrawn',
      description:
        'The datasets it harvested stay in the catalogue, no longer harvested, unless ' +
        '`withdraw_datasets=true`. Refused (409) while a run of the source is under way.',
      params: IdParams,
      querystring: DeleteQuery,
    }),
    (request, reply) =>
      noContent(
        reply,
        deleteSource(ctx, request.actor, request.params.id, {
          withdrawDatasets: request.query.withdraw_datasets ?? false,
        }),
      ),
  );
}
