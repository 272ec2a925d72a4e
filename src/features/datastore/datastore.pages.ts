import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { tablePage } from './pages/table/table.page.js';

/** The datastore feature's web pages (see docs/architecture.md, "Web pages"). */
export function registerDatastorePages(app: FastifyInstance, ctx: AppContext): void {
  tablePage(app, ctx);
}
