import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { errors, type Api } from '../../platform/http/types.js';
import { locate } from './locate.service.js';

const Body = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  kind: Type.String(),
});

const Located = Type.Object({
  latitude: Type.Number(),
  longitude: Type.Number(),
  region: Type.Object({ slug: Type.String(), name: Type.String() }),
  organisations: Type.Array(Body),
  ward: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
});

export function registerLocate(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/locate',
    {
      schema: {
        tags: ['areas'],
        summary:
          'Which bodies answer for a point, and its ward (point-in-polygon on the boundaries)',
        querystring: Type.Object(
          {
            lat: Type.Number({
              minimum: -90,
              maximum: 90,
              description: 'Latitude, WGS 84 degrees',
            }),
            lon: Type.Number({
              minimum: -180,
              maximum: 180,
              description: 'Longitude, WGS 84 degrees',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Located, ...errors(409, 422) },
      },
    },
    (request) => locate(ctx, request.query),
  );
}
