import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { signInPage } from './pages/sign-in/sign-in.page.js';
import { signOutPage } from './pages/sign-out/sign-out.page.js';
import { tokensPages } from './pages/tokens/tokens.page.js';

/** The accounts feature's pages: sign in and out, and a user's own API tokens. */
export function registerAccounts(app: FastifyInstance, ctx: AppContext): void {
  signInPage(app, ctx);
  signOutPage(app, ctx);
  tokensPages(app, ctx);
}
