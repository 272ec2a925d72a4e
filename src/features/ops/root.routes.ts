import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { errors } from '../../platform/http/types.js';

const COLLECTIONS = [
  'region',
  'organisations',
  'datasets',
  'themes',
  'tags',
  'licences',
  'indicators',
  'dashboards',
  'promises',
  'tokens',
] as const;

/** Where a client starts: a link to each collection of the API and to its description. */
export function rootRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = `${ctx.config.baseUrl}/api/v1`;
  const links = Object.fromEntries([
    ...COLLECTIONS.map((c) => [c, `${api}/${c}`]),
    ['openapi', `${api}/openapi.json`],
  ]) as Record<string, string>;
  app.get(
    '/api/v1',
    {
      schema: {
        tags: ['meta'],
        summary: 'The API: a link to each collection and to this OpenAPI document',
        response: {
          200: Type.Object({
            name: Type.String(),
            links: Type.Record(Type.String(), Type.String({ format: 'uri' })),
          }),
          ...errors(),
        },
      },
    },
    () => ({ name: 'Metrodata', links }),
  );
}
