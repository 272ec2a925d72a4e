import type { AppContext } from '../../context.js';
import type { Report } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { unauthorized, validationFailed } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import { enforceRateLimit, hitRateLimit } from '../../platform/rate-limit.js';
import {
  assertCanDeleteOwnAccount,
  deleteOwnAccount,
  exportOwnAccount,
  type AccountData,
  type Actor,
} from '../accounts/index.js';
import { linkUseKey, seal, unseal } from './personal-data-link.js';
import {
  forgetReporter,
  forgetUpdateAuthor,
  rateLimitCount,
  removeSupports,
  reportsOfPerson,
  supportsOfPerson,
  updatesByUser,
  type Person,
} from './personal-data.repository.js';
import { queueDatasetRefresh } from './report-queue.js';
import { findOwnReportRow } from './report-owner.repository.js';
import { listPhotoRows, listUpdateRows } from './report-parts.repository.js';

// UK GDPR for reports: a person's right to a copy of what is held about them and to have it
// erased. The reports stay (they are the region's open data about its streets) but lose the
// person: who made them, their contact, their "me too"s. Signed-in residents act on their
// account (the accounts feature adds and deletes its part); someone who only gave an e-mail
// address proves their mailbox with a one-time link instead.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** How long the browser may see and delete an address's data after opening its link. */
const GRANT_MS = 30 * 60_000;

export interface ReportData {
  id: string;
  url: string;
  category: { code: string; name: string };
  body: { slug: string; name: string };
  state: string;
  status: string;
  description: string;
  address: string | null;
  latitude: number;
  longitude: number;
  ward: string | null;
  answers: unknown;
  reporter: {
    name: string | null;
    email: string | null;
    phone: string | null;
    show_name: boolean;
    anonymised: boolean;
  };
  source: string;
  created_at: string;
  confirmed_at: string | null;
  updated_at: string;
  updates: { status: string | null; text: string; source: string; created_at: string }[];
  photos: { url: string; width: number; height: number }[];
}

export interface PersonalData {
  generated_at: string;
  /** The account's part; null for someone known only by an e-mail address. */
  account: AccountData | null;
  /** The address the e-mail-only export is for; null for an account. */
  email: string | null;
  reports: ReportData[];
  me_too: {
    report_id: string;
    report_url: string;
    email: string;
    confirmed: boolean;
    created_at: string;
  }[];
  updates_written: { report_id: string; status: string | null; text: string; created_at: string }[];
}

async function reportData(ctx: AppContext, r: Report): Promise<ReportData> {
  const base = ctx.config.baseUrl;
  const [named, updates, photos] = await Promise.all([
    findOwnReportRow(ctx.db.kysely, r.id),
    listUpdateRows(ctx.db.kysely, r.id),
    listPhotoRows(ctx.db.kysely, r.id),
  ]);
  return {
    id: r.id,
    url: `${base}/reports/${r.id}`,
    category: { code: named?.category_code ?? '', name: named?.category_name ?? '' },
    body: { slug: named?.organisation_slug ?? '', name: named?.organisation_name ?? '' },
    state: r.state,
    status: r.status,
    description: r.description,
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    ward: r.ward_name,
    answers: JSON.parse(r.attributes) as unknown,
    reporter: {
      name: r.reporter_name,
      email: r.reporter_email,
      phone: r.reporter_phone,
      show_name: r.show_name === 1,
      anonymised: r.anonymised === 1,
    },
    source: r.source,
    created_at: r.created_at,
    confirmed_at: r.confirmed_at,
    updated_at: r.updated_at,
    // What the public and the reporter see; a moderator's hidden items are not the reporter's.
    updates: updates
      .filter((u) => u.hidden === 0)
      .map((u) => ({ status: u.status, text: u.text, source: u.source, created_at: u.created_at })),
    photos: photos
      .filter((p) => p.hidden === 0)
      .map((p) => ({
        url: `${base}/reports/${r.id}/photos/${p.id}.jpg`,
        width: p.width,
        height: p.height,
      })),
  };
}

async function reportsPart(ctx: AppContext, person: Person) {
  const db = ctx.db.kysely;
  const [reports, supports, written] = await Promise.all([
    reportsOfPerson(db, person),
    supportsOfPerson(db, person),
    updatesByUser(db, person.userId),
  ]);
  return {
    reports: await Promise.all(reports.map((r) => reportData(ctx, r))),
    me_too: supports.map((s) => ({
      report_id: s.report_id,
      report_url: `${ctx.config.baseUrl}/reports/${s.report_id}`,
      email: s.email,
      confirmed: s.confirmed === 1,
      created_at: s.created_at,
    })),
    updates_written: written.map((u) => ({
      report_id: u.report_id,
      status: u.status,
      text: u.text,
      created_at: u.created_at,
    })),
  };
}

/** A signed-in person: their account, and the e-mail's reports only once they proved it. */
const personOf = (user: NonNullable<Actor['user']>): Person => ({
  userId: user.id,
  email: user.emailVerified ? user.email : null,
});

/** Everything held about the asker: their account and their reports, "me too"s and updates. */
export async function exportMyData(ctx: AppContext, actor: Actor): Promise<PersonalData> {
  const account = await exportOwnAccount(ctx, actor);
  if (!actor.user) throw unauthorized('Sign in to see your data');
  return {
    generated_at: now(),
    account,
    email: null,
    ...(await reportsPart(ctx, personOf(actor.user))),
  };
}

/** Strips the person from reports and "me too"s; the reports stay public, anonymous. */
async function forgetPerson(ctx: AppContext, person: Person): Promise<void> {
  const db = ctx.db.kysely;
  const [reports, supports] = await Promise.all([
    reportsOfPerson(db, person),
    supportsOfPerson(db, person),
  ]);
  await forgetReporter(
    db,
    reports.map((r) => r.id),
    now(),
  );
  await removeSupports(db, supports);
  if (person.userId) await forgetUpdateAuthor(db, person.userId);
}

/**
 * Deletes the asker's account. Their reports stay as open data without them (no account, no
 * e-mail, name or phone, never named); their "me too"s go, and the counts with them; then the
 * accounts feature removes sessions, tokens, memberships and the user. All or nothing.
 */
export async function deleteMyAccount(ctx: AppContext, actor: Actor): Promise<void> {
  assertCanDeleteOwnAccount(actor);
  const user = actor.user;
  if (!user) throw unauthorized('Sign in to delete your account');
  await inTransaction(ctx, async (tx) => {
    await forgetPerson(tx, personOf(user));
    await deleteOwnAccount(tx, actor);
  });
  await queueDatasetRefresh(ctx);
}

/**
 * Mails a one-time link to an address's data (the reports made with it, its "me too"s). The
 * answer is the same whatever the address holds; a client address asking too often is refused,
 * and an e-mail address asked for too often gets no more mail.
 */
export async function requestMyDataLink(
  ctx: AppContext,
  input: { email: string; address: string },
): Promise<'sent' | 'throttled'> {
  const email = input.email.trim().toLowerCase();
  if (!email) throw validationFailed([{ field: 'email', message: 'Enter your e-mail address' }]);
  if (!EMAIL.test(email) || email.length > 254) {
    throw validationFailed([
      { field: 'email', message: 'Enter an e-mail address like name@example.com' },
    ]);
  }
  await enforceRateLimit(
    ctx.db,
    { key: `my-data:address:${input.address}`, limit: 10, windowS: 3600 },
    'Too many requests from this address; try again in an hour',
  );
  const emailKey = `my-data:email:${linkUseKey(email)}`;
  if (!(await hitRateLimit(ctx.db, { key: emailKey, limit: 3, windowS: 3600 }))) {
    return 'throttled';
  }
  const minutes = ctx.config.signInLinkTtlMinutes;
  const token = await seal(ctx, 'link', email, minutes * 60_000);
  const url = `${ctx.config.baseUrl}/my-data/${token}`;
  await ctx.mailer.send({
    to: email,
    subject: 'Your data: the reports made with this e-mail address',
    text: [
      `Someone (we hope you) asked to see what ${ctx.config.baseUrl} holds about this e-mail`,
      'address: the problems reported with it and its "me too"s.',
      '',
      `See it, download it or have it deleted: ${url}`,
      '',
      `The link works once, within ${minutes} minutes.`,
      'If you did not ask, ignore this e-mail: nobody can use the link without your mailbox.',
    ].join('\n'),
  });
  return 'sent';
}

/** Whether a link's page should offer to open it (sealed by us, in its time, not used). */
export async function myDataLinkIsUsable(ctx: AppContext, token: string): Promise<boolean> {
  if ((await unseal(ctx, 'link', token)) === null) return false;
  return (await rateLimitCount(ctx.db.kysely, linkUseKey(token))) === 0;
}

/** Opens a link, once: the grant (a sealed value for a cookie), or null when it cannot. */
export async function useMyDataLink(ctx: AppContext, token: string): Promise<string | null> {
  const email = await unseal(ctx, 'link', token);
  if (email === null) return null;
  const windowS = ctx.config.signInLinkTtlMinutes * 60;
  if (!(await hitRateLimit(ctx.db, { key: linkUseKey(token), limit: 1, windowS }))) return null;
  return seal(ctx, 'grant', email, GRANT_MS);
}

async function grantedEmail(ctx: AppContext, grant: string | undefined): Promise<string> {
  const email = grant ? await unseal(ctx, 'grant', grant) : null;
  if (email === null) throw unauthorized('Open the link we e-mailed you again');
  return email;
}

/** The reports, "me too"s of the address a grant is for. */
export async function exportEmailData(
  ctx: AppContext,
  grant: string | undefined,
): Promise<PersonalData> {
  const email = await grantedEmail(ctx, grant);
  return {
    generated_at: now(),
    account: null,
    email,
    ...(await reportsPart(ctx, { userId: null, email })),
  };
}

/** Takes the address a grant is for off every report and "me too" (the reports stay). */
export async function forgetEmail(ctx: AppContext, grant: string | undefined): Promise<void> {
  const email = await grantedEmail(ctx, grant);
  await inTransaction(ctx, (tx) => forgetPerson(tx, { userId: null, email }));
  await queueDatasetRefresh(ctx);
}
