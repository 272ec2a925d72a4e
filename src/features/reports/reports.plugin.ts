import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { registerReportJourney } from './pages/report-pages.js';

/** The reports feature's API and pages. */
export function registerReports(app: FastifyInstance, ctx: AppContext): void {
  // Routes and pages register here.
  registerReportJourney(app, ctx);
}
