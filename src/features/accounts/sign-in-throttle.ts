import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { recordActivity } from '../../platform/activity/record.js';
import { DomainError } from '../../platform/errors.js';
import {
  blockedUntilOf,
  clearAttempts,
  isKnownAddress,
  releaseAttempt,
  rememberAddress,
  reserveAttempt,
  type BackOffTimes,
} from './sign-in-attempt.repository.js';

/**
 * Slows password guessing without letting anyone lock a publisher out. Each attempt is reserved
 * in the database before the password is checked (so parallel guesses cannot all pass, and every
 * node counts alike), under two keys: the account and the client address. The first `free`
 * failures cost nothing; each one after that makes the key wait, twice as long each time, up to
 * `maxDelayS`: a back-off, never a lock. From an address the account has signed in from before,
 * only that address's own failures for the account count, so an attacker elsewhere cannot keep
 * the real user out; and a one-time link by e-mail always works.
 */
export interface BackOffRule {
  free: number;
  firstDelayS: number;
  maxDelayS: number;
}

export const ACCOUNT_RULE: BackOffRule = { free: 5, firstDelayS: 30, maxDelayS: 900 };
/** An address may be shared (an office, a council's proxy): more room before it waits. */
export const ADDRESS_RULE: BackOffRule = { free: 20, firstDelayS: 30, maxDelayS: 900 };
/** A count untouched this long starts again. */
const FORGET_AFTER_MS = 24 * 3_600_000;

/** Seconds to wait after the n-th failure. */
export function delayAfter(rule: BackOffRule, failures: number): number {
  if (failures < rule.free) return 0;
  const doublings = failures - rule.free;
  // Past 2^20 the cap has long been reached; no huge powers.
  return Math.min(rule.maxDelayS, rule.firstDelayS * 2 ** Math.min(doublings, 20));
}

function backOffTimes(rule: BackOffRule, atMs: number): BackOffTimes {
  const steps: string[] = [];
  for (let n = 1; delayAfter(rule, n) < rule.maxDelayS; n++) {
    steps.push(new Date(atMs + delayAfter(rule, n) * 1000).toISOString());
  }
  return { steps, after: new Date(atMs + rule.maxDelayS * 1000).toISOString() };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Who is trying: the account (null for an address with no account) and from where. */
export interface SignInClaim {
  email: string;
  userId: string | null;
  address: string;
}

/** What was reserved, to settle once the password has been checked. */
export interface Reservation {
  claim: SignInClaim;
  /** Keys whose count stands when the password is wrong and clears when it is right. */
  own: string[];
  /** The address's key: never cleared by a success (that would let one's own account reset it). */
  address: string | null;
}

function keysFor(claim: SignInClaim, known: boolean) {
  // An unknown e-mail is counted like an account, by its hash, so both answer alike.
  const account = claim.userId ?? `email:${sha256(claim.email)}`;
  if (known) return { own: [`known:${account}:${claim.address}`], address: null };
  return { own: [`account:${account}`], address: `address:${claim.address}` };
}

export const throttled = (seconds: number, details: Record<string, unknown>) =>
  new DomainError(
    'rate_limited',
    'too_many_attempts',
    `Too many attempts. Try again in ${waitWords(seconds)}, or get a sign-in link by e-mail.`,
    { retry_after_seconds: seconds, ...details },
  );

function waitWords(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

async function refuse(ctx: AppContext, claim: SignInClaim, key: string, atMs: number) {
  const until = await blockedUntilOf(ctx.db.kysely, key);
  const seconds = Math.max(1, Math.ceil(((until ? Date.parse(until) : atMs) - atMs) / 1000));
  const limit = key.slice(0, key.indexOf(':'));
  if (claim.userId) {
    await recordActivity(ctx.db.kysely, null, {
      action: 'user.sign-in-throttled',
      subject: { type: 'user', id: claim.userId },
      diff: { throttled: { from: null, to: { address: claim.address, limit, seconds } } },
      at: new Date(atMs).toISOString(),
    });
  }
  return throttled(seconds, {
    account: claim.userId ?? `email:${sha256(claim.email).slice(0, 16)}`,
    address: claim.address,
    limit,
  });
}

/**
 * Reserves an attempt before the password is checked; throws `too_many_attempts` (with
 * `retry_after_seconds`) when the account or the address must wait. Refused attempts are not
 * counted, so hammering a blocked key never makes the wait longer than the back-off.
 */
export async function reserveSignInAttempt(
  ctx: AppContext,
  claim: SignInClaim,
): Promise<Reservation> {
  const db = ctx.db.kysely;
  const atMs = Date.now();
  const at = new Date(atMs).toISOString();
  const stale = new Date(atMs - FORGET_AFTER_MS).toISOString();
  const known = claim.userId ? await isKnownAddress(db, claim.userId, claim.address) : false;
  const keys = keysFor(claim, known);
  if (keys.address) {
    const ok = await reserveAttempt(db, keys.address, at, stale, backOffTimes(ADDRESS_RULE, atMs));
    if (ok === null) throw await refuse(ctx, claim, keys.address, atMs);
  }
  for (const key of keys.own) {
    const ok = await reserveAttempt(db, key, at, stale, backOffTimes(ACCOUNT_RULE, atMs));
    if (ok === null) {
      if (keys.address) await releaseAttempt(db, keys.address);
      throw await refuse(ctx, claim, key, atMs);
    }
  }
  return { claim, ...keys };
}

/** The password was right: the account's counts clear, the address becomes a usual one. */
export async function signInSucceeded(ctx: AppContext, reservation: Reservation): Promise<void> {
  const db = ctx.db.kysely;
  if (reservation.address) await releaseAttempt(db, reservation.address);
  await clearAttempts(db, reservation.own);
  await recordSignIn(ctx, reservation.claim.userId, reservation.claim.address);
}

/** Any sign-in (password or e-mailed link): the account's counts clear; the address is usual. */
export async function recordSignIn(
  ctx: AppContext,
  userId: string | null,
  address: string,
): Promise<void> {
  if (!userId) return;
  await clearAttempts(ctx.db.kysely, [`account:${userId}`, `link:${userId}`]);
  await rememberAddress(ctx.db.kysely, userId, address, new Date().toISOString());
}

/** E-mailed links: a few at once, then a wait (an inbox is not to be flooded). */
export const LINK_RULE: BackOffRule = { free: 3, firstDelayS: 60, maxDelayS: 3600 };

/** Counts a request for a sign-in link; false when the account or address must wait. */
export async function reserveLinkRequest(ctx: AppContext, claim: SignInClaim): Promise<boolean> {
  const db = ctx.db.kysely;
  const atMs = Date.now();
  const at = new Date(atMs).toISOString();
  const stale = new Date(atMs - FORGET_AFTER_MS).toISOString();
  const account = claim.userId ?? `email:${sha256(claim.email)}`;
  const address = `link-address:${claim.address}`;
  if ((await reserveAttempt(db, address, at, stale, backOffTimes(ADDRESS_RULE, atMs))) === null) {
    return false;
  }
  const ok = await reserveAttempt(db, `link:${account}`, at, stale, backOffTimes(LINK_RULE, atMs));
  return ok !== null;
}
