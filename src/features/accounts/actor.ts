import type { Role } from '../../platform/db/schema.js';

/** read: data; write: publishing; reports: submitting citizen reports (Open311 `api_key`). */
export type Scope = 'read' | 'write' | 'reports';
export const SCOPES: readonly Scope[] = ['read', 'write', 'reports'];
/** What a signed-in person's session may do: everything. */
export const SESSION_SCOPES: readonly Scope[] = SCOPES;

/** Who is asking: anonymous, or a user with their roles and (through a token) scopes. */
export interface Actor {
  user: {
    id: string;
    name: string;
    email: string;
    isSiteAdmin: boolean;
    /** Whether the person has proved their mailbox (residents sign up unverified). */
    emailVerified: boolean;
  } | null;
  /** Role per organisation id. */
  roles: ReadonlyMap<string, Role>;
  /** What the credential allows; a signed-in session has every scope. */
  scopes: ReadonlySet<Scope>;
}

export const anonymous: Actor = { user: null, roles: new Map(), scopes: new Set(['read']) };
