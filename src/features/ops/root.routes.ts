import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';

/** Where a person or a client starts: links to the API and its description. */
export function rootRoutes(app: FastifyInstance, ctx: AppContext): void {
  const index = {
    name: 'Metrodata',
    links: {
      region: `${ctx.config.baseUrl}/api/v1/region`,
      organisations: `${ctx.config.baseUrl}/api/v1/organisations`,
      datasets: `${ctx.config.baseUrl}/api/v1/datasets`,
      themes: `${ctx.config.baseUrl}/api/v1/themes`,
      tags: `${ctx.config.baseUrl}/api/v1/tags`,
      licences: `${ctx.config.baseUrl}/api/v1/licences`,
      openapi: `${ctx.config.baseUrl}/api/v1/openapi.json`,
    },
  };
  app.get('/api/v1', { schema: { hide: true } }, () => index);
}
