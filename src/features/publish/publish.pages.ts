import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { publishHomePage } from './pages/home/home.page.js';

/**
 * The publisher area's home, /publish. Every /publish route of every feature needs a signed-in
 * user (the accounts feature's hook sends others to sign in); what each may do there is the
 * policy's answer, through the services.
 */
export function registerPublishPages(app: FastifyInstance, ctx: AppContext): void {
  publishHomePage(app, ctx);
}
