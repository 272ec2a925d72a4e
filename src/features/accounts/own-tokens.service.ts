import type { AppContext } from '../../context.js';
import type { ApiToken } from '../../platform/db/schema.js';
import { notFound, unauthorized, validationFailed } from '../../platform/errors.js';
import type { Actor } from './actor.js';
import { authorise } from './policy.js';
import { findTokenById, listTokensOfUser } from './token.repository.js';
import { createToken, revokeToken, type CreatedToken } from './token.service.js';

// The signed-in person's own API tokens, for the web pages (the CLI manages anyone's).

function owner(actor: Actor) {
  if (!actor.user) throw unauthorized('Sign in to manage your API tokens');
  authorise(actor, { type: 'token:manage', ownerId: actor.user.id }, 'You cannot manage tokens');
  return actor.user;
}

export function listOwnTokens(ctx: AppContext, actor: Actor): Promise<ApiToken[]> {
  return listTokensOfUser(ctx.db.kysely, owner(actor).id);
}

export async function createOwnToken(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; scopes: string[]; expiresInDays?: number | undefined },
): Promise<CreatedToken> {
  const user = owner(actor);
  const name = input.name.trim();
  if (!name) throw validationFailed([{ field: 'name', message: 'is required' }]);
  if (name.length > 100) {
    throw validationFailed([{ field: 'name', message: 'must be 100 characters or fewer' }]);
  }
  return createToken(ctx, { ...input, name, email: user.email });
}

export async function revokeOwnToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const user = owner(actor);
  const token = await findTokenById(ctx.db.kysely, id);
  // Someone else's token is "not found": its existence is none of this user's business.
  if (token?.user_id !== user.id) throw notFound('Token');
  if (token.revoked_at) return;
  await revokeToken(ctx, id);
}
