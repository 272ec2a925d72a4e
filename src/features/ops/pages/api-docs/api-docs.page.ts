import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { sectionPage } from '../../../../platform/views/page-head.js';
import { apiDocsView, type OpenApiDocument } from './openapi.view.js';

/** /api/docs: the OpenAPI document as a page, server-rendered (no swagger-ui, no script). */
export function apiDocsPage(app: FastifyInstance, ctx: AppContext): void {
  // The document is fixed once the app is ready; shape it on the first request only.
  let view: ReturnType<typeof apiDocsView> | null = null;
  app.get('/api/docs', { schema: { hide: true } }, (_request, reply) => {
    view ??= apiDocsView(app.swagger() as OpenApiDocument);
    return reply.page('features/ops/pages/api-docs/api-docs.njk', {
      ...sectionPage('API documentation', 'api'),
      openapiUrl: `${ctx.config.baseUrl}/api/v1/openapi.json`,
      baseUrl: ctx.config.baseUrl,
      sqlEnabled: ctx.config.sqlEnabled,
      ...view,
    });
  });
}
