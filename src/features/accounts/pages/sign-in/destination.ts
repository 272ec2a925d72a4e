import type { AppContext } from '../../../../context.js';
import { isPublisher } from '../../policy.js';
import { SESSION_SCOPES } from '../../actor.js';
import { actorForUser } from '../../token.service.js';

/**
 * Where to go after signing in: `next`, else the publisher area (publishers, and a body's
 * members, who answer its residents' reports from there), or a resident's (no role anywhere)
 * own reports.
 */
export async function destination(ctx: AppContext, userId: string, next: string | null) {
  if (next) return next;
  const actor = await actorForUser(ctx, userId, SESSION_SCOPES);
  return isPublisher(actor) || actor.roles.size > 0 ? '/publish' : '/account/reports';
}
