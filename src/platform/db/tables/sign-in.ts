import type { Selectable } from 'kysely';

// Sign-in hardening (migration 0009): the throttle's counts, users' usual addresses and
// one-time sign-in links.

/** Failures and back-off for one key: `account:…`, `address:…` or `known:…` (see the throttle). */
export interface SignInAttemptTable {
  key: string;
  failures: number;
  /** No attempt under this key is checked before this time. */
  blocked_until: string;
  /** The last attempt; a count untouched for a day starts again. */
  updated_at: string;
}

export interface SignInAddressTable {
  user_id: string;
  address: string;
  last_at: string;
}

/** `id` is the SHA-256 of the link's token; `used_at` is set once, when it signs in. */
export interface SignInLinkTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export type SignInLink = Selectable<SignInLinkTable>;
