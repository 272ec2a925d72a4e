import type { Role } from '../../platform/db/schema.js';

export type Scope = 'read' | 'write';
export const SCOPES: readonly Scope[] = ['read', 'write'];

/** Who is asking: anonymous, or a user with their roles and (through a token) scopes. */
export interface Actor {
  user: { id: string; name: string; email: string; isSiteAdmin: boolean } | null;
  /** Role per organisation id. */
  roles: ReadonlyMap<string, Role>;
  /** What the credential allows; a signed-in session has every scope. */
  scopes: ReadonlySet<Scope>;
}

export const anonymous: Actor = { user: null, roles: new Map(), scopes: new Set(['read']) };
