import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Metrics } from './metrics.js';
import { checkReadiness } from './readiness.js';

export function opsRoutes(app: FastifyInstance, ctx: AppContext, metrics: Metrics): void {
  const hide = { hide: true };

  app.get('/healthz', { schema: hide, logLevel: 'warn' }, () => ({ status: 'ok' }));

  app.get('/readyz', { schema: hide, logLevel: 'warn' }, async (request, reply) => {
    const { ok, checks, errors } = await checkReadiness(ctx);
    for (const [check, err] of Object.entries(errors)) {
      request.log.error({ err, check }, 'readiness check failing');
    }
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'failing', checks });
  });

  app.get('/metrics', { schema: hide, logLevel: 'warn' }, async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
