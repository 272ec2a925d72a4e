import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { challengeRoutes } from './challenge.routes.js';

/** Challenges: their API, public pages, entry form and the organisation's forms. */
export function registerChallenges(app: Api, ctx: AppContext): void {
  challengeRoutes(app, ctx);
}
