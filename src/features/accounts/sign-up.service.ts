import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { AppContext } from '../../context.js';
import { DomainError, validationFailed, type FieldError } from '../../platform/errors.js';
import { enforceRateLimit, hitRateLimit } from '../../platform/rate-limit.js';
import { mailLink } from './sign-in-link.service.js';
import { findUserByEmail } from './user.repository.js';
import { createUser } from './user.service.js';

// A resident creates their own account: unverified until the link mailed to them is used. The
// answer is the same whether the address was free or taken (the taken one's owner is mailed
// "you already have an account" instead), so the form never tells who has an account here.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 12;

export interface SignUpInput {
  name: string;
  email: string;
  /** Optional: without one, the resident signs in by e-mailed links. */
  password?: string | undefined;
  /** The client's address, for the rate limit. */
  address: string;
}

/** sent: a link is on its way (to a new or an existing account); throttled: none was sent. */
export type SignUpOutcome = 'sent' | 'throttled';

function check(input: SignUpInput): FieldError[] {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', message: 'Enter your name' });
  if (name.length > 200)
    errors.push({ field: 'name', message: 'is too long (200 characters at most)' });
  const email = input.email.trim();
  if (!email) errors.push({ field: 'email', message: 'Enter your e-mail address' });
  else if (!EMAIL.test(email) || email.length > 254) {
    errors.push({ field: 'email', message: 'Enter an e-mail address like name@example.com' });
  }
  const password = input.password ?? '';
  if (password !== '' && password.length < MIN_PASSWORD) {
    errors.push({ field: 'password', message: `must be at least ${MIN_PASSWORD} characters` });
  }
  if (password.length > 1000) errors.push({ field: 'password', message: 'is too long' });
  return errors;
}

const emailKey = (email: string) => createHash('sha256').update(email).digest('hex');

/**
 * Creates an unverified account and mails its confirmation link; for an address that has an
 * account already, mails its owner a sign-in link instead. Refuses a client address signing
 * up too often (an error it may see); an e-mail address asked for too often just gets no more
 * mail (the answer does not change, so it says nothing about the account).
 */
export async function signUp(ctx: AppContext, input: SignUpInput): Promise<SignUpOutcome> {
  const errors = check(input);
  if (errors.length > 0) throw validationFailed(errors);
  await enforceRateLimit(
    ctx.db,
    { key: `signup:address:${input.address}`, limit: 10, windowS: 3600 },
    'Too many accounts created from this address; try again in an hour',
  );
  const email = input.email.trim().toLowerCase();
  const password = input.password === '' ? undefined : input.password;
  if (
    !(await hitRateLimit(ctx.db, {
      key: `signup:email:${emailKey(email)}`,
      limit: 3,
      windowS: 3600,
    }))
  ) {
    return 'throttled';
  }
  const existing = await findUserByEmail(ctx.db.kysely, email);
  if (existing) {
    // As long as creating one takes: the time of the answer says nothing either.
    if (password) await hash(password);
    await mailLink(ctx, existing, 'already-signed-up');
    return 'sent';
  }
  try {
    const user = await createUser(ctx, { email, name: input.name, password, verified: false });
    await mailLink(ctx, user, 'sign-up');
  } catch (err) {
    // Someone signed up with the address a moment ago: theirs is the account.
    if (!(err instanceof DomainError) || err.kind !== 'conflict') throw err;
    const raced = await findUserByEmail(ctx.db.kysely, email);
    if (raced) await mailLink(ctx, raced, 'already-signed-up');
  }
  return 'sent';
}
