import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from './types.js';

/** What the OpenAPI document describes: the JSON API under /api/v1, and nothing else. */
const DOCUMENTED = /^\/api\/v1(?:$|\/(?!openapi\.json$))/;

/**
 * The OpenAPI 3.1 document, generated from the routes' own TypeBox schemas so it cannot drift
 * from what they validate and send. Pages, feeds and probes are left out of it.
 */
export async function registerOpenApi(app: FastifyInstance, baseUrl: string): Promise<void> {
  app.addSchema(ErrorResponse);
  // Every API operation has a query schema: one that declares none takes no parameters, so a
  // misspelt one is a 400 naming it rather than silently ignored.
  app.addHook('onRoute', (route) => {
    if (!DOCUMENTED.test(route.url) || route.schema?.querystring) return;
    route.schema = {
      ...route.schema,
      querystring: { type: 'object', properties: {}, additionalProperties: false },
    };
  });
  await app.register(swagger, {
    // Shared schemas appear in the document under their own names (Dataset, Resource, Error).
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
    transform: ({ schema, url }) => ({
      schema: DOCUMENTED.test(url) ? schema : { ...schema, hide: true },
      url,
    }),
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Metrodata API',
        version: '1',
        description:
          'The catalogue, datastore, indicators and promises of a city region. Reads are open; ' +
          'writes need `Authorization: Bearer <token>`. Every list takes `page` and `per_page` and ' +
          'answers `{total, page, per_page, results}`; fields are snake_case; errors are ' +
          '`{"error": {"code", "message", "details"}}`. See docs/api.md.',
      },
      servers: [{ url: baseUrl }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      },
    },
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
