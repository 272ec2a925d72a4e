import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../../platform/db/connect.js';
import { jobCounts } from '../../platform/jobs/jobs.js';

export interface Metrics {
  registry: Registry;
}

/**
 * The job queue as the database holds it, read at each scrape: the same on every node, so a
 * dashboard may take any node's (or the maximum).
 */
function registerJobMetrics(registry: Registry, db: Db): void {
  new Gauge({
    name: 'metrodata_jobs',
    help: 'Background jobs by kind and state (queued, running, done in the last week, parked)',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const c of await jobCounts(db)) this.set({ kind: c.kind, state: c.state }, c.count);
    },
  });
  new Gauge({
    name: 'metrodata_job_oldest_queued_age_seconds',
    help: 'Seconds the oldest queued job of each kind has been due without being claimed',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const at = Date.now();
      for (const c of await jobCounts(db)) {
        if (c.state !== 'queued' || c.oldest_run_at === null) continue;
        this.set({ kind: c.kind }, Math.max(0, (at - Date.parse(c.oldest_run_at)) / 1000));
      }
    },
  });
}

/** Prometheus metrics: process defaults, a request-duration histogram by route, the job queue. */
export function registerMetrics(app: FastifyInstance, db: Db): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerJobMetrics(registry, db);
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        // The route pattern, not the URL, keeps label cardinality bounded.
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  return { registry };
}
