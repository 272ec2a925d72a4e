import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { LICENCES } from './licences.js';
import { listTags, listThemes } from './taxonomy.service.js';

export function taxonomyRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/themes',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Themes with their dataset counts',
        querystring: Type.Object({}, { additionalProperties: false }),
      },
    },
    async (request) => ({
      results: await listThemes(ctx, request.actor),
    }),
  );

  app.get(
    '/api/v1/tags',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Tags in use, most used first',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => ({
      results: await listTags(ctx, request.actor, request.query.limit ?? 100),
    }),
  );

  app.get(
    '/api/v1/licences',
    { schema: { tags: ['catalogue'], summary: 'Licences a dataset can have' } },
    () => ({ results: LICENCES }),
  );
}
