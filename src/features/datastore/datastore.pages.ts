import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';

/** The datastore feature's web pages (see docs/architecture.md, "Web pages"). */
export function registerDatastorePages(app: FastifyInstance, ctx: AppContext): void {
  void app;
  void ctx;
}
