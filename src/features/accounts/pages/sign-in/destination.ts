import type { AppContext } from '../../../../context.js';
import { isPublisher } from '../../policy.js';
import { SESSION_SCOPES } from '../../actor.js';
import { actorForUser } from '../../token.service.js';

/** Where to go after signing in: `next`, else the publisher area or (non-publishers) tokens. */
export async function destination(ctx: AppContext, userId: string, next: string | null) {
  if (next) return next;
  const actor = await actorForUser(ctx, userId, SESSION_SCOPES);
  return isPublisher(actor) ? '/publish' : '/account/tokens';
}
