import type { ApiToken } from '../../../../platform/db/schema.js';

export const EXPIRY_CHOICES = [
  { value: '30', text: '30 days' },
  { value: '90', text: '90 days' },
  { value: '365', text: '1 year' },
  { value: 'never', text: 'Never' },
] as const;

export type TokenStatus = 'Active' | 'Revoked' | 'Expired';

/** A token as the list shows it: never its secret (only the prefix, to recognise it). */
export function tokenRow(token: ApiToken, at: string) {
  const status: TokenStatus = token.revoked_at
    ? 'Revoked'
    : token.expires_at && token.expires_at <= at
      ? 'Expired'
      : 'Active';
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scopes: (JSON.parse(token.scopes) as string[]).join(', '),
    created_at: token.created_at,
    expires_at: token.expires_at,
    last_used_at: token.last_used_at,
    status,
  };
}

/** The expiry radio's value as days, or undefined for "never"; null when not a choice. */
export function expiryDays(value: string): number | undefined | null {
  if (value === 'never') return undefined;
  return EXPIRY_CHOICES.some((c) => c.value === value) ? Number(value) : null;
}
