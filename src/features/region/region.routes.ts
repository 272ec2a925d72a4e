import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { errorResponses, type Api } from '../../platform/http/types.js';
import { getRegion } from './region.service.js';

const Nullable = Type.Union([Type.String(), Type.Null()]);

export function regionRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/region',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'The region: name, area code, settings and boundary (GeoJSON geometry)',
        querystring: Type.Object({}, { additionalProperties: false }),
        response: {
          200: Type.Object({
            slug: Type.String(),
            name: Type.String(),
            area_code: Nullable,
            settings: Type.Record(Type.String(), Type.Unknown()),
            boundary: Type.Unknown(),
            updated_at: Type.String({ format: 'date-time' }),
          }),
          ...errorResponses,
        },
      },
    },
    () => getRegion(ctx),
  );
}
