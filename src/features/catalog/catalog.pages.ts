import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';

/** The catalog feature's web pages (see docs/architecture.md, "Web pages"). */
export function registerCatalogPages(_app: FastifyInstance, _ctx: AppContext): void {
  // Pages are added here.
}
