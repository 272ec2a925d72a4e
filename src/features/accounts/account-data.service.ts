import type { AppContext } from '../../context.js';
import { recordActivity } from '../../platform/activity/record.js';
import { conflict, unauthorized } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import type { Actor } from './actor.js';
import {
  deleteUserAndOwnRows,
  membershipsOfUser,
  sessionsOfUser,
  signInAddressesOfUser,
} from './account-data.repository.js';
import { authorise } from './policy.js';
import { listTokensOfUser } from './token.repository.js';
import { findUserById } from './user.repository.js';

// A person's own account under UK GDPR: what the accounts feature holds about them (their
// export), and removing it (their erasure). The reports feature adds its part and calls these.

export interface AccountData {
  account: {
    id: string;
    email: string;
    name: string;
    has_password: boolean;
    site_admin: boolean;
    created_at: string;
    email_verified_at: string | null;
  };
  memberships: { organisation: { slug: string; name: string }; role: string; since: string }[];
  api_tokens: {
    id: string;
    name: string;
    prefix: string;
    scopes: string[];
    created_at: string;
    expires_at: string | null;
    last_used_at: string | null;
    revoked_at: string | null;
  }[];
  sessions: { created_at: string; last_seen_at: string; expires_at: string }[];
  sign_in_addresses: { address: string; last_at: string }[];
}

/** The person asking for their own account (report:own on themselves: a session or token). */
function self(actor: Actor) {
  authorise(
    actor,
    { type: 'report:own', reporterId: actor.user?.id ?? null },
    'Only you can see or delete your account',
  );
  if (!actor.user) throw unauthorized('Sign in to see your data');
  return actor.user;
}

/** Everything the accounts feature holds about the asker (never a token's or session's hash). */
export async function exportOwnAccount(ctx: AppContext, actor: Actor): Promise<AccountData> {
  const db = ctx.db.kysely;
  const user = await findUserById(db, self(actor).id);
  if (!user) throw unauthorized('Your account no longer exists');
  const [memberships, tokens, sessions, addresses] = await Promise.all([
    membershipsOfUser(db, user.id),
    listTokensOfUser(db, user.id),
    sessionsOfUser(db, user.id),
    signInAddressesOfUser(db, user.id),
  ]);
  return {
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      has_password: user.password_hash !== null,
      site_admin: user.is_site_admin === 1,
      created_at: user.created_at,
      email_verified_at: user.email_verified_at,
    },
    memberships: memberships.map((m) => ({
      organisation: { slug: m.slug, name: m.name },
      role: m.role,
      since: m.created_at,
    })),
    api_tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      scopes: JSON.parse(t.scopes) as string[],
      created_at: t.created_at,
      expires_at: t.expires_at,
      last_used_at: t.last_used_at,
      revoked_at: t.revoked_at,
    })),
    sessions,
    sign_in_addresses: addresses,
  };
}

/** Whether the asker may delete their account here (a site administrator's is the operator's). */
export function assertCanDeleteOwnAccount(actor: Actor): void {
  const user = self(actor);
  if (user.isSiteAdmin) {
    throw conflict(
      "A site administrator's account is removed by the operator (metrodata user), so the site is never left without one",
      undefined,
      'site_admin',
    );
  }
}

/**
 * Deletes the asker's account: sessions, tokens, memberships, sign-in links and addresses, and
 * the user. The log records that this account id was deleted, with no personal field. Call
 * inside the caller's transaction, after it has removed the person from its own records.
 */
export async function deleteOwnAccount(ctx: AppContext, actor: Actor): Promise<void> {
  assertCanDeleteOwnAccount(actor);
  const user = self(actor);
  await recordActivity(ctx.db.kysely, null, {
    action: 'user.deleted',
    subject: { type: 'user', id: user.id },
    diff: {},
    at: now(),
  });
  await deleteUserAndOwnRows(ctx.db.kysely, user.id);
}
