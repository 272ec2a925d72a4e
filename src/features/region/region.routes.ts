import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { DateTime, Nullable, Text } from '../../platform/http/schemas.js';
import { readErrors, type Api } from '../../platform/http/types.js';
import { getRegion } from './region.service.js';

export function registerRegion(app: Api, ctx: AppContext): void {
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
            area_code: Nullable(Text),
            settings: Type.Record(Type.String(), Type.Unknown()),
            boundary: Type.Unknown(),
            updated_at: DateTime,
          }),
          ...readErrors,
        },
      },
    },
    () => getRegion(ctx),
  );
}
