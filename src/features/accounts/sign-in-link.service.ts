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
import { findUserByEmail, findUserById } from './user.repository.js';

// Like sessions and API tokens: the mail holds 256 random bits, the table their SHA-256.
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What happened to a request for a link; the person is told the same in every case. */
export type LinkRequestOutcome = 'sent' | 'no-account' | 'throttled';

function linkMail(ctx: AppContext, token: string) {
  const url = `${ctx.config.baseUrl}/sign-in/link/${token}`;
  const minutes = ctx.config.signInLinkTtlMinutes;
  return {
    subject: 'Your sign-in link',
    text: [
      'Someone (we hope you) asked for a link to sign in to',
      `${ctx.config.baseUrl} with this e-mail address.`,
      '',
      `Sign in: ${url}`,
      '',
      `The link works once, within ${minutes} minutes.`,
      'If you did not ask for it, ignore this e-mail: nobody can use it without your mailbox.',
    ].join('\n'),
  };
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
  const token = randomBytes(32).toString('base64url');
  const at = Date.now();
  await deleteExpiredLinks(ctx.db.kysely, new Date(at).toISOString());
  await insertSignInLink(ctx.db.kysely, {
    id: hashToken(token),
    user_id: user.id,
    created_at: new Date(at).toISOString(),
    expires_at: new Date(at + ctx.config.signInLinkTtlMinutes * 60_000).toISOString(),
    used_at: null,
  });
  await ctx.mailer.send({ to: user.email, ...linkMail(ctx, token) });
  return 'sent';
}

/** Whether a link's page should offer to sign in (it is known, unused and in its time). */
export function signInLinkIsUsable(ctx: AppContext, token: string): Promise<boolean> {
  return isUsableLink(ctx.db.kysely, hashToken(token), new Date().toISOString());
}

/**
 * Signs in with a link, once: the link is marked used in the statement that reads it. Proof of
 * the mailbox also clears the account's password back-off and makes the address a usual one.
 */
export async function signInWithLink(
  ctx: AppContext,
  input: { token: string; address: string; previousToken?: string | undefined },
): Promise<{ token: string; user: User } | null> {
  const userId = await useSignInLinkRow(
    ctx.db.kysely,
    hashToken(input.token),
    new Date().toISOString(),
  );
  const user = userId ? await findUserById(ctx.db.kysely, userId) : undefined;
  if (!user) return null;
  await recordSignIn(ctx, user.id, input.address);
  return { token: await startSession(ctx, user.id, input.previousToken), user };
}
