import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { signInLinkPages } from './pages/sign-in-link/sign-in-link.page.js';
import { signInPage } from './pages/sign-in/sign-in.page.js';
import { signOutPage } from './pages/sign-out/sign-out.page.js';
import { signUpPages } from './pages/sign-up/sign-up.page.js';
import { tokensPages } from './pages/tokens/tokens.page.js';
import { tokenRoutes } from './token.routes.js';

/** The accounts feature's API (your tokens) and pages: sign in (by password or e-mailed link) and out, and your tokens. */
export function registerAccounts(app: Api, ctx: AppContext): void {
  tokenRoutes(app, ctx);
  signInPage(app, ctx);
  signInLinkPages(app, ctx);
  signUpPages(app, ctx);
  signOutPage(app, ctx);
  tokensPages(app, ctx);
}
