import type { Selectable } from 'kysely';

// Who signs in and what they may do: users, their memberships of organisations, API tokens
// and web sessions.

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  is_site_admin: number;
  created_at: string;
  /** When the person proved the mailbox (a link); residents cannot report without it. */
  email_verified_at: string | null;
}

export type Role = 'admin' | 'editor' | 'member';

export interface MembershipTable {
  user_id: string;
  organisation_id: string;
  role: Role;
  created_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

/** A web sign-in; `id` is the SHA-256 of the cookie's token. */
export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export type User = Selectable<UserTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type Session = Selectable<SessionTable>;
