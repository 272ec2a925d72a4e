import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Metrics } from './metrics.js';

export function opsRoutes(app: FastifyInstance, ctx: AppContext, metrics: Metrics): void {
  const hide = { hide: true };

  app.get('/healthz', { schema: hide, logLevel: 'warn' }, () => ({ status: 'ok' }));

  app.get('/readyz', { schema: hide, logLevel: 'warn' }, async (request, reply) => {
    const checks: Record<string, string> = {};
    try {
      await sql`select 1`.execute(ctx.db.kysely);
      checks.database = 'ok';
    } catch (err) {
      request.log.error({ err }, 'readiness: database');
      checks.database = 'failing';
    }
    try {
      await ctx.blobs.check();
      checks.blobs = 'ok';
    } catch (err) {
      request.log.error({ err }, 'readiness: blob store');
      checks.blobs = 'failing';
    }
    const ok = Object.values(checks).every((v) => v === 'ok');
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'failing', checks });
  });

  app.get('/metrics', { schema: hide, logLevel: 'warn' }, async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
