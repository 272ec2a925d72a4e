import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { noContent, operations } from '../../platform/http/operations.js';
import { ListQuery, Page, SlugParams } from '../../platform/http/schemas.js';
import type { Api } from '../../platform/http/types.js';
import { IndicatorCreateBody, IndicatorUpdateBody } from './indicator.schemas.js';
import { deleteIndicator } from './indicator-delete.service.js';
import { getIndicator, listIndicators } from './indicator.service.js';
import { createIndicator, updateIndicator } from './indicator-write.service.js';
import { pageFrom } from '../../platform/paging.js';

const op = operations('indicators');

export function indicatorRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/indicators',
    op.list(Page(Type.Ref('IndicatorSummary')), {
      summary: 'Every indicator: latest value, series, forecast and suggested status',
      querystring: ListQuery(),
    }),
    async (request) => pageFrom(await listIndicators(ctx, request.actor), request.query),
  );

  app.get(
    '/api/v1/indicators/:slug',
    op.read(Type.Ref('IndicatorDetail'), {
      summary: 'One indicator: definition, series, per-group series and forecast',
      description:
        'Values are computed live from the latest version of the resource. The forecast is a ' +
        'least-squares line with a 95% prediction interval; on_track says whether its value at ' +
        'the target date meets the target.',
      params: SlugParams,
    }),
    (request) => getIndicator(ctx, request.actor, request.params.slug),
  );

  app.post(
    '/api/v1/indicators',
    op.create(Type.Ref('IndicatorDetail'), {
      summary: 'Create an indicator (site admins and the combined authority’s editors)',
      body: IndicatorCreateBody,
    }),
    async (request, reply) => {
      const created = await createIndicator(ctx, request.actor, request.body);
      return reply.status(201).header('location', created.url).send(created);
    },
  );

  app.patch(
    '/api/v1/indicators/:slug',
    op.update(Type.Ref('IndicatorDetail'), {
      summary: 'Change an indicator (site admins and the combined authority’s editors)',
      params: SlugParams,
      body: IndicatorUpdateBody,
    }),
    (request) => updateIndicator(ctx, request.actor, request.params.slug, request.body),
  );

  app.delete(
    '/api/v1/indicators/:slug',
    op.remove({
      summary: 'Delete an indicator (site admins and the combined authority’s editors)',
      description:
        'Dashboards showing it make this a 409 `has_dependents` (listed in ' +
        '`details.dependents`) unless `force=true`; their tiles then leave it out.',
      params: SlugParams,
      querystring: Type.Object(
        { force: Type.Optional(Type.Boolean({ description: 'Delete even if shown' })) },
        { additionalProperties: false },
      ),
    }),
    (request, reply) =>
      noContent(
        reply,
        deleteIndicator(ctx, request.actor, request.params.slug, {
          force: request.query.force ?? false,
        }),
      ),
  );
}
