import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { AppContext } from '../../context.js';
import type { User } from '../../platform/db/schema.js';
import { SESSION_SCOPES, type Actor } from './actor.js';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  findSession,
  insertSession,
} from './session.repository.js';
import { reserveSignInAttempt, signInSucceeded } from './sign-in-throttle.js';
import { actorForUser } from './token.service.js';
import { findUserByEmail } from './user.repository.js';
import { verifyPassword } from './user.service.js';

export const SESSION_COOKIE = 'md_session';

// The cookie holds 256 random bits; the table holds only their SHA-256 (as for API tokens).
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// A session's expiry moves on with use, but written at most once a minute, not every request.
const EXTEND_EVERY_MS = 60_000;

// Verifying against a real Argon2id hash when the user is unknown (or has no password) makes a
// wrong address take as long as a wrong password, so timing does not reveal who has an account.
let decoyHash: Promise<string> | null = null;
async function decoyVerify(password: string): Promise<void> {
  decoyHash ??= hash(randomBytes(16).toString('hex'));
  const decoy: User = {
    id: '',
    email: '',
    name: '',
    password_hash: await decoyHash,
    is_site_admin: 0,
    created_at: '',
    email_verified_at: null,
  };
  await verifyPassword(decoy, password);
}

const expiry = (ctx: AppContext, fromMs: number) =>
  new Date(fromMs + ctx.config.sessionTtlHours * 3_600_000).toISOString();

/**
 * Checks an e-mail address and password and starts a new session (a new id, so a session
 * planted before sign-in is never promoted). Returns null for any wrong combination, without
 * saying which part was wrong; a right password of an unverified account starts no session
 * (`token` null: the caller mails a new confirmation link). The attempt is reserved with the throttle first (it throws
 * `too_many_attempts` while the account or the address must wait), so no password is checked
 * beyond what the throttle allows, however many arrive at once.
 */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string; address: string; previousToken?: string | undefined },
): Promise<{ token: string | null; user: User } | null> {
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(ctx.db.kysely, email);
  const reservation = await reserveSignInAttempt(ctx, {
    email,
    userId: user?.id ?? null,
    address: input.address,
  });
  const ok = user?.password_hash
    ? await verifyPassword(user, input.password)
    : (await decoyVerify(input.password), false);
  if (!user || !ok) return null;
  await signInSucceeded(ctx, reservation);
  // A resident who has not yet proved their mailbox gets in by the e-mailed link only: a
  // password alone could have been set by anyone who typed their address.
  if (user.email_verified_at === null) return { token: null, user };
  return { token: await startSession(ctx, user.id, input.previousToken), user };
}

/** A new session for a user who has proved who they are; ends the one the browser had. */
export async function startSession(
  ctx: AppContext,
  userId: string,
  previousToken: string | undefined,
): Promise<string> {
  if (previousToken) await signOut(ctx, previousToken);
  const token = randomBytes(32).toString('base64url');
  const at = Date.now();
  await deleteExpiredSessions(ctx.db.kysely, new Date(at).toISOString());
  await insertSession(ctx.db.kysely, {
    id: hashToken(token),
    user_id: userId,
    created_at: new Date(at).toISOString(),
    last_seen_at: new Date(at).toISOString(),
    expires_at: expiry(ctx, at),
  });
  return token;
}

/** The signed-in actor of a session cookie, or null when it is unknown or has expired. */
export async function authenticateSession(ctx: AppContext, token: string): Promise<Actor | null> {
  const id = hashToken(token);
  const session = await findSession(ctx.db.kysely, id);
  if (!session) return null;
  const at = Date.now();
  if (session.expires_at <= new Date(at).toISOString()) {
    await deleteSession(ctx.db.kysely, id);
    return null;
  }
  if (Date.parse(session.last_seen_at) < at - EXTEND_EVERY_MS) {
    await extendSession(ctx.db.kysely, id, new Date(at).toISOString(), expiry(ctx, at));
  }
  try {
    // A signed-in person can do everything their roles allow (the policy still decides what).
    return await actorForUser(ctx, session.user_id, SESSION_SCOPES);
  } catch {
    return null;
  }
}

export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db.kysely, hashToken(token));
}
