import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { signInPage } from './pages/sign-in/sign-in.page.js';
import { signOutPage } from './pages/sign-out/sign-out.page.js';
import { tokensPages } from './pages/tokens/tokens.page.js';

/** The accounts feature's web pages (see docs/architecture.md, "Web pages"). */
export function registerAccountPages(app: FastifyInstance, ctx: AppContext): void {
  signInPage(app, ctx);
  signOutPage(app, ctx);
  tokensPages(app, ctx);
}
