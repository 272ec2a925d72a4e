import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { User } from '../../platform/db/schema.js';
import { startSession } from './session.service.js';
import {
  deleteExpiredLinks,
  insertSignInLink,
  isUsableLink,
  useSignInLinkRow,
} from './sign-in-link.repository.js';
import { recordSignIn, reserveLinkRequest } from './sign-in-throttle.js';
import {
  clearPasswordHash,
  findUserByEmail,
  findUserById,
  markEmailVerified,
} from './user.repository.js';

// Like sessions and API tokens: the mail holds 256 random bits, the table their SHA-256.
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What happened to a request for a link; the person is told the same in every case. */
export type LinkRequestOutcome = 'sent' | 'no-account' | 'throttled';

/**
 * Why a link was mailed. Every link is a one-time sign-in (the table has no purpose column):
 * the purpose decides the page it opens, the mail's words and how long it works.
 */
export type LinkPurpose = 'sign-in' | 'sign-up' | 'already-signed-up';

const LINK_PATH: Record<LinkPurpose, string> = {
  'sign-in': '/sign-in/link/',
  'sign-up': '/sign-up/verify/',
  'already-signed-up': '/sign-in/link/',
};

function linkMail(ctx: AppContext, purpose: LinkPurpose, url: string) {
  const site = ctx.config.baseUrl;
  if (purpose === 'sign-up') {
    return {
      subject: 'Confirm your e-mail address',
      text: [
        `Thank you for creating an account on ${site}.`,
        '',
        `Confirm your e-mail address and sign in: ${url}`,
        '',
        `The link works once, within ${ctx.config.signUpLinkHours} hours.`,
        'If you did not create an account, ignore this e-mail: nothing happens without it.',
      ].join('\n'),
    };
  }
  if (purpose === 'already-signed-up') {
    return {
      subject: 'You already have an account',
      text: [
        `Someone (we hope you) tried to create an account on ${site} with this e-mail address,`,
        'but you already have one.',
        '',
        `Sign in here: ${url}`,
        '',
        `The link works once, within ${ctx.config.signInLinkTtlMinutes} minutes. You can also`,
        `sign in with your password at ${site}/sign-in, or ask for a new link there.`,
        'If it was not you, ignore this e-mail: nobody can use the link without your mailbox.',
      ].join('\n'),
    };
  }
  return {
    subject: 'Your sign-in link',
    text: [
      'Someone (we hope you) asked for a link to sign in to',
      `${site} with this e-mail address.`,
      '',
      `Sign in: ${url}`,
      '',
      `The link works once, within ${ctx.config.signInLinkTtlMinutes} minutes.`,
      'If you did not ask for it, ignore this e-mail: nobody can use it without your mailbox.',
    ].join('\n'),
  };
}

/** Stores a new one-time link for a user and mails it (the caller has throttled the request). */
export async function mailLink(ctx: AppContext, user: User, purpose: LinkPurpose): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const at = Date.now();
  const ttlMs =
    purpose === 'sign-up'
      ? ctx.config.signUpLinkHours * 3_600_000
      : ctx.config.signInLinkTtlMinutes * 60_000;
  await deleteExpiredLinks(ctx.db.kysely, new Date(at).toISOString());
  await insertSignInLink(ctx.db.kysely, {
    id: hashToken(token),
    user_id: user.id,
    created_at: new Date(at).toISOString(),
    expires_at: new Date(at + ttlMs).toISOString(),
    used_at: null,
  });
  const url = `${ctx.config.baseUrl}${LINK_PATH[purpose]}${token}`;
  await ctx.mailer.send({ to: user.email, ...linkMail(ctx, purpose, url) });
}

/**
 * Mails a one-time sign-in link to the account of `email`, if there is one. Requests are
 * throttled per account and address (mail is not a free resource, nor an inbox to flood); the
 * caller shows the same answer whatever the outcome, so the page never says who has an account.
 */
export async function requestSignInLink(
  ctx: AppContext,
  input: { email: string; address: string },
): Promise<LinkRequestOutcome> {
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(ctx.db.kysely, email);
  const allowed = await reserveLinkRequest(ctx, {
    email,
    userId: user?.id ?? null,
    address: input.address,
  });
  if (!allowed) return 'throttled';
  if (!user) return 'no-account';
  await mailLink(ctx, user, 'sign-in');
  return 'sent';
}

/** Whether a link's page should offer to sign in (it is known, unused and in its time). */
export function signInLinkIsUsable(ctx: AppContext, token: string): Promise<boolean> {
  return isUsableLink(ctx.db.kysely, hashToken(token), new Date().toISOString());
}

/**
 * Signs in with a link, once: the link is marked used in the statement that reads it. Proof of
 * the mailbox also clears the account's password back-off, makes the address a usual one, and
 * verifies a resident's address the first time. A password chosen at sign-up survives only the
 * sign-up link itself: an account verified any other way (the "you already have an account"
 * mail) may have been made by someone else with this address, so their password is dropped.
 */
export async function signInWithLink(
  ctx: AppContext,
  input: {
    token: string;
    address: string;
    previousToken?: string | undefined;
    purpose?: LinkPurpose | undefined;
  },
): Promise<{ token: string; user: User } | null> {
  const at = new Date().toISOString();
  const userId = await useSignInLinkRow(ctx.db.kysely, hashToken(input.token), at);
  const user = userId ? await findUserById(ctx.db.kysely, userId) : undefined;
  if (!user) return null;
  if (user.email_verified_at === null) {
    if (input.purpose !== 'sign-up' && user.password_hash !== null) {
      await clearPasswordHash(ctx.db.kysely, user.id);
    }
    await markEmailVerified(ctx.db.kysely, user.id, at);
  }
  await recordSignIn(ctx, user.id, input.address);
  return { token: await startSession(ctx, user.id, input.previousToken), user };
}
