import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { contentDisposition } from '../../../platform/http/content-disposition.js';
import { SlugParam, type SlugParamInput } from '../../../platform/views/page-query.js';
import { packageDescriptor } from './descriptor.js';
import { exportUrl, packageParts } from './datapackage.service.js';
import { packageZip, planZip } from './datapackage-zip.js';

const PUBLIC_CACHE = 'public, max-age=300';
// A dataset only some may read is for their eyes: never kept by a shared cache.
const PRIVATE_CACHE = 'private, no-store';

/** /dataset/{slug}/datapackage.json and .zip: a dataset as a Frictionless Data Package. */
export function dataPackageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { baseUrl } = ctx.config;

  app.get<{ Params: SlugParamInput }>(
    '/dataset/:slug/datapackage.json',
    { schema: { hide: true, params: SlugParam } },
    async (request, reply) => {
      const parts = await packageParts(ctx, request.actor, request.params.slug);
      const descriptor = packageDescriptor(parts, baseUrl, (p) => exportUrl(baseUrl, p));
      return reply
        .type('application/json; charset=utf-8')
        .header('cache-control', parts.restricted ? PRIVATE_CACHE : PUBLIC_CACHE)
        .send(JSON.stringify(descriptor, null, 2));
    },
  );

  app.get<{ Params: SlugParamInput }>(
    '/dataset/:slug/datapackage.zip',
    { schema: { hide: true, params: SlugParam } },
    async (request, reply) => {
      const parts = await packageParts(ctx, request.actor, request.params.slug);
      const plans = await planZip(ctx, request.actor, parts);
      reply.headers({
        'content-type': 'application/zip',
        'content-disposition': contentDisposition(`${parts.dataset.slug}-datapackage.zip`),
        'cache-control': parts.restricted ? PRIVATE_CACHE : PUBLIC_CACHE,
      });
      if (request.method === 'HEAD') return reply.send();
      const abort = new AbortController();
      reply.raw.once('close', () => {
        abort.abort();
      });
      return reply.send(packageZip(ctx, parts, plans, abort.signal));
    },
  );
}
