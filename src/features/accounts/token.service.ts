import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { ApiToken } from '../../platform/db/schema.js';
import { notFound, unauthorized, validationFailed } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { SCOPES, type Actor, type Scope } from './actor.js';
import {
  findTokenByHash,
  insertToken,
  listTokensOfUser,
  markTokenRevoked,
  touchToken,
} from './token.repository.js';
import { findUserByEmail, findUserById, listRoles } from './user.repository.js';

// Tokens carry 256 random bits, so a fast SHA-256 is enough at rest (unlike passwords).
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface CreatedToken {
  token: string;
  record: ApiToken;
}

export async function createToken(
  ctx: AppContext,
  input: { email: string; name: string; scopes: string[]; expiresInDays?: number | undefined },
): Promise<CreatedToken> {
  const user = await findUserByEmail(ctx.db.kysely, input.email);
  if (!user) throw notFound(`User ${input.email}`);
  const bad = input.scopes.filter((s) => !SCOPES.includes(s as Scope));
  if (bad.length > 0 || input.scopes.length === 0) {
    throw validationFailed([{ field: 'scopes', message: `must be some of ${SCOPES.join(', ')}` }]);
  }
  if (input.expiresInDays !== undefined && !(input.expiresInDays > 0)) {
    throw validationFailed([{ field: 'expires', message: 'must be a positive number of days' }]);
  }
  const token = `mdt_${randomBytes(32).toString('base64url')}`;
  const created = now();
  const record: ApiToken = {
    id: newId(),
    user_id: user.id,
    name: input.name,
    token_hash: hashToken(token),
    prefix: token.slice(0, 10),
    scopes: JSON.stringify([...new Set(input.scopes)]),
    expires_at:
      input.expiresInDays === undefined
        ? null
        : new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString(),
    last_used_at: null,
    revoked_at: null,
    created_at: created,
  };
  await insertToken(ctx.db.kysely, record);
  return { token, record };
}

export async function listTokens(ctx: AppContext, email: string): Promise<ApiToken[]> {
  const user = await findUserByEmail(ctx.db.kysely, email);
  if (!user) throw notFound(`User ${email}`);
  return listTokensOfUser(ctx.db.kysely, user.id);
}

export async function revokeToken(ctx: AppContext, id: string): Promise<void> {
  if ((await markTokenRevoked(ctx.db.kysely, id, now())) === 0) {
    throw notFound(`Active token ${id}`);
  }
}

export async function actorForUser(
  ctx: AppContext,
  userId: string,
  scopes: Iterable<Scope>,
): Promise<Actor> {
  const user = await findUserById(ctx.db.kysely, userId);
  if (!user) throw unauthorized('The user of this credential no longer exists', 'invalid_token');
  const roles = await listRoles(ctx.db.kysely, user.id);
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      isSiteAdmin: user.is_site_admin === 1,
      emailVerified: user.email_verified_at !== null,
    },
    roles: new Map(roles.map((r) => [r.organisation_id, r.role])),
    scopes: new Set(scopes),
  };
}

/** Resolves a bearer token to its actor, or fails with 401 saying why. */
export async function authenticateToken(ctx: AppContext, token: string): Promise<Actor> {
  const record = await findTokenByHash(ctx.db.kysely, hashToken(token));
  if (!record) throw unauthorized('The API token is not valid', 'invalid_token');
  if (record.revoked_at) throw unauthorized('The API token has been revoked', 'invalid_token');
  const at = now();
  if (record.expires_at && record.expires_at <= at) {
    throw unauthorized('The API token has expired', 'invalid_token');
  }
  const staleBefore = new Date(Date.now() - ctx.config.tokenLastUsedIntervalS * 1000).toISOString();
  if (!record.last_used_at || record.last_used_at < staleBefore) {
    await touchToken(ctx.db.kysely, record.id, at);
  }
  return actorForUser(ctx, record.user_id, JSON.parse(record.scopes) as Scope[]);
}
