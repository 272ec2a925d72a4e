import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';

/** The reports feature's API and pages. */
export function registerReports(_app: FastifyInstance, _ctx: AppContext): void {
  // Routes and pages register here.
}
