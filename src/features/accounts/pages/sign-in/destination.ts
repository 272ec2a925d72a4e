import type { AppContext } from '../../../../context.js';
import { isPublisher } from '../../policy.js';
import { SESSION_SCOPES } from '../../actor.js';
import { actorForUser } from '../../token.service.js';

/**
 * Where to go after signing in: `next`, else the publisher area, a resident's (no role
 * anywhere) own reports, or (members of a body who do not publish) their tokens.
 */
export async function destination(ctx: AppContext, userId: string, next: string | null) {
  if (next) return next;
  const actor = await actorForUser(ctx, userId, SESSION_SCOPES);
  if (isPublisher(actor)) return '/publish';
  return actor.roles.size === 0 ? '/account/reports' : '/account/tokens';
}
