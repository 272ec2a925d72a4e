import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { closeContext } from './bootstrap.js';
import type { AppContext } from './context.js';
import { registerAccountPages } from './features/accounts/accounts.pages.js';
import { registerAuth } from './features/accounts/auth.plugin.js';
import { registerCatalogPages } from './features/catalog/catalog.pages.js';
import { registerCatalog } from './features/catalog/catalog.plugin.js';
import { registerDatastorePages } from './features/datastore/datastore.pages.js';
import { registerDatastore } from './features/datastore/datastore.plugin.js';
import { registerIndicators } from './features/indicators/indicators.plugin.js';
import { registerMetrics } from './features/ops/metrics.js';
import { opsRoutes } from './features/ops/ops.routes.js';
import { registerPromises } from './features/promises/promises.plugin.js';
import { registerPublishPages } from './features/publish/publish.pages.js';
import { rootRoutes } from './features/ops/root.routes.js';
import { regionRoutes } from './features/region/region.routes.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { ErrorResponse } from './platform/http/types.js';
import { validatorCompiler } from './platform/http/validation.js';
import { registerViews } from './platform/views/views.plugin.js';

const REQUEST_ID = /^[\w.-]{1,64}$/;

export interface BuildOptions {
  /** false silences request logs (tests); otherwise LOG_LEVEL applies. */
  logger?: boolean;
  /** Close the database when the app closes (the app owns the context). */
  ownsContext?: boolean;
}

/** Builds the whole application without listening, so tests can call `app.inject()`. */
export async function buildApp(
  ctx: AppContext,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: ctx.config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
    bodyLimit: ctx.config.maxBodyBytes,
    trustProxy: ctx.config.trustProxy,
    // genReqId below reads the header itself, keeping only sane ids.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler());
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandling(app);
  app.addSchema(ErrorResponse);

  await app.register(swagger, {
    // Shared schemas appear in the document under their own names (Dataset, Resource, Error).
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Metrodata API',
        version: '1',
        description:
          'The catalogue and datastore of a city region. Reads are open; writes need ' +
          '`Authorization: Bearer <token>`. Errors are `{"error": {"code", "message", "details"}}`.',
      },
      servers: [{ url: ctx.config.baseUrl }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      },
    },
  });
  // Open data is read from other sites' pages too; writes stay same-origin (tokens, not cookies).
  await app.register(cors, { origin: '*', methods: ['GET', 'HEAD'], maxAge: 86_400 });
  await app.register(multipart, {
    // One byte over the limit, so the blob store sees the excess and refuses the file whole.
    limits: { fileSize: ctx.config.maxUploadBytes + 1, files: 1, fields: 10, fieldSize: 100_000 },
    throwFileSizeLimit: true,
  });

  registerAuth(app, ctx);
  await registerViews(app, ctx);
  const metrics = registerMetrics(app);
  opsRoutes(app, ctx, metrics);
  rootRoutes(app, ctx);
  registerCatalog(app, ctx);
  await registerDatastore(app, ctx);
  registerIndicators(app, ctx);
  regionRoutes(app, ctx);
  registerCatalogPages(app, ctx);
  registerDatastorePages(app, ctx);
  registerAccountPages(app, ctx);
  registerPublishPages(app, ctx);
  registerPromises(app, ctx);

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());

  if (options.ownsContext) app.addHook('onClose', () => closeContext(ctx));
  return app;
}
