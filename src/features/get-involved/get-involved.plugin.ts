import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { getInvolvedPage } from './pages/get-involved.page.js';

export function registerGetInvolved(app: FastifyInstance, ctx: AppContext): void {
  getInvolvedPage(app, ctx);
}
