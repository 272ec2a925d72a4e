import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { Report, ReportPhoto, ReportSource, ReportUpdate } from '../../platform/db/schema.js';
import { DomainError, notFound, validationFailed, type FieldError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { enforceRateLimit } from '../../platform/rate-limit.js';
import { can, type Actor } from '../accounts/index.js';
import { checkAnswers, type Answers } from './attributes.js';
import { categoriesAt, categoryOf, type Category } from './category.service.js';
import { findCategoryById } from './category.repository.js';
import { queueDatasetRefresh, queueSending } from './report-queue.js';
import {
  findReportByConfirmToken,
  findReportRow,
  insertReport,
  updateReportRow,
} from './report.repository.js';
import { listPhotoRows, listUpdateRows } from './report-parts.repository.js';

// Making a report: where it is decides who answers it; the reporter proves their mailbox (a
// signed-in, verified resident already has) before it is sent or shown; an API client with the
// reports scope vouches for its own users (Open311).

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_DESCRIPTION = 5000;

const blankToNull = (value: string | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ReportInput {
  category: string;
  lat: number;
  lon: number;
  description: string;
  address?: string | undefined;
  attributes?: Answers | undefined;
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  showName?: boolean | undefined;
  mediaUrl?: string | undefined;
  source: ReportSource;
  /** The client's address, for rate limits. */
  clientAddress: string;
}

export interface CreatedReport {
  report: Report;
  /** The reporter must click the e-mailed link before the report is sent or shown. */
  needsConfirmation: boolean;
}

function checkContact(input: ReportInput, signedIn: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const description = input.description.trim();
  if (!description) errors.push({ field: 'description', message: 'is required' });
  if (description.length > MAX_DESCRIPTION) {
    errors.push({ field: 'description', message: `must be at most ${MAX_DESCRIPTION} characters` });
  }
  const email = input.email?.trim();
  if (!signedIn && !email)
    errors.push({ field: 'email', message: 'is required to confirm the report' });
  if (email && !EMAIL.test(email))
    errors.push({ field: 'email', message: 'is not an e-mail address' });
  if (input.showName && !input.name?.trim() && !signedIn) {
    errors.push({ field: 'name', message: 'is required to show your name' });
  }
  if ((input.name ?? '').length > 200) errors.push({ field: 'name', message: 'is too long' });
  if ((input.phone ?? '').length > 40) errors.push({ field: 'phone', message: 'is too long' });
  if (input.mediaUrl && !/^https?:\/\//i.test(input.mediaUrl)) {
    errors.push({ field: 'media_url', message: 'must be an http(s) URL' });
  }
  return errors;
}

function confirmationMail(ctx: AppContext, report: Report, category: Category, token: string) {
  const url = `${ctx.config.baseUrl}/report/confirm/${token}`;
  return {
    subject: `Confirm your report: ${category.name}`,
    text: [
      `Thank you for reporting a problem (${category.name}).`,
      '',
      'Your report is not sent until you confirm it. Confirm it here:',
      url,
      '',
      `The link works within ${ctx.config.reportConfirmHours} hours.`,
      'If you did not make this report, ignore this e-mail and nothing is sent.',
      '',
      `What you wrote: ${report.description.slice(0, 500)}`,
    ].join('\n'),
  };
}

/**
 * Records a report at a point: the category must be offered there; the body that answers it
 * there gets it. A verified, signed-in resident's report (or an API client's) is confirmed at
 * once and queued for sending; anyone else's waits for the link mailed to them.
 */
export async function createReport(
  ctx: AppContext,
  actor: Actor,
  input: ReportInput,
): Promise<CreatedReport> {
  const viaApi = input.source === 'open311' || input.source === 'api';
  const resident =
    !viaApi && actor.user && actor.scopes.has('reports') && actor.user.emailVerified
      ? actor.user
      : null;
  await enforceRateLimit(
    ctx.db,
    { key: `report:address:${input.clientAddress}`, limit: viaApi ? 600 : 20, windowS: 3600 },
    'Too many reports from this address; try again in an hour',
  );
  if (actor.user) {
    await enforceRateLimit(
      ctx.db,
      { key: `report:account:${actor.user.id}`, limit: viaApi ? 2000 : 30, windowS: 86_400 },
      'Too many reports from this account today; try again tomorrow',
    );
  }
  const errors = checkContact(input, resident !== null);
  const { located, offers } = await categoriesAt(ctx, { lat: input.lat, lon: input.lon });
  const offer = offers.find((o) => o.category.code === input.category);
  if (!offer) {
    errors.push({
      field: 'category',
      message: `${input.category} is not a category anyone answers at this place (those here: ${offers.map((o) => o.category.code).join(', ') || 'none'})`,
    });
  }
  const checked = offer
    ? checkAnswers(offer.category.attributes, input.attributes ?? {})
    : { answers: {}, errors: [] };
  errors.push(...checked.errors);
  if (errors.length > 0 || !offer) throw validationFailed(errors);

  const confirmed = resident !== null || viaApi;
  const token = confirmed ? null : randomBytes(32).toString('base64url');
  const at = now();
  const email = resident?.email ?? input.email?.trim().toLowerCase() ?? null;
  const report: Report = {
    id: newId(),
    category_id: offer.category.id,
    organisation_id: offer.body.id,
    ward_code: located.ward?.code ?? null,
    ward_name: located.ward?.name ?? null,
    latitude: input.lat,
    longitude: input.lon,
    address: blankToNull(input.address),
    media_url: input.mediaUrl ?? null,
    description: input.description.trim(),
    attributes: JSON.stringify(checked.answers),
    status: 'open',
    state: confirmed ? 'confirmed' : 'unconfirmed',
    duplicate_of: null,
    reporter_user_id: resident?.id ?? (actor.user && !viaApi ? actor.user.id : null),
    reporter_email: email,
    reporter_name: blankToNull(input.name) ?? resident?.name ?? null,
    reporter_phone: blankToNull(input.phone),
    show_name: input.showName ? 1 : 0,
    source: input.source,
    send_state: 'unsent',
    sent_at: null,
    external_id: null,
    send_error: null,
    supporters_count: 0,
    moderated: 0,
    anonymised: 0,
    confirm_token_hash: token ? hashToken(token) : null,
    confirm_expires_at: token
      ? new Date(Date.now() + ctx.config.reportConfirmHours * 3_600_000).toISOString()
      : null,
    created_at: at,
    confirmed_at: confirmed ? at : null,
    updated_at: at,
    status_changed_at: at,
    fixed_at: null,
  };
  await insertReport(ctx.db.kysely, report);
  if (confirmed) {
    await reportConfirmed(ctx, report);
  } else if (token && email) {
    await ctx.mailer.send({ to: email, ...confirmationMail(ctx, report, offer.category, token) });
  }
  return { report, needsConfirmation: !confirmed };
}

/** What happens once a report is confirmed: it is sent, and the open dataset follows. */
async function reportConfirmed(ctx: AppContext, report: Report): Promise<void> {
  await queueSending(ctx, report.id);
  await queueDatasetRefresh(ctx);
}

/**
 * Confirms a report by the link mailed to its reporter: once, within its time. Returns the
 * report (confirmed now, or already).
 */
export async function confirmReport(ctx: AppContext, token: string): Promise<Report> {
  const report = await findReportByConfirmToken(ctx.db.kysely, hashToken(token));
  if (!report) throw notFound('This confirmation link');
  if (report.state !== 'unconfirmed') return report;
  if (report.confirm_expires_at && report.confirm_expires_at < now()) {
    throw new DomainError(
      'conflict',
      'link_expired',
      'This confirmation link has expired; please make the report again',
    );
  }
  const at = now();
  await updateReportRow(ctx.db.kysely, report.id, {
    state: 'confirmed',
    confirmed_at: at,
    updated_at: at,
  });
  const confirmed = { ...report, state: 'confirmed' as const, confirmed_at: at };
  await reportConfirmed(ctx, confirmed);
  return confirmed;
}

export interface ReportDetail {
  report: Report;
  category: Category;
  /** What the asker may see: hidden photos and updates only for the body's staff. */
  photos: ReportPhoto[];
  updates: ReportUpdate[];
  /** The asker handles this report for its body (queue, status, moderation). */
  staff: boolean;
}

/** Whether this actor may see a report: confirmed ones, everyone; others, its body's staff. */
export function canSeeReport(actor: Actor, report: Report): boolean {
  if (report.state === 'confirmed') return true;
  if (can(actor, { type: 'report:handle', organisationId: report.organisation_id })) {
    return report.state === 'hidden';
  }
  return false;
}

/** One report as this actor may see it; 404 when they may not (it is not public). */
export async function getReport(ctx: AppContext, actor: Actor, id: string): Promise<ReportDetail> {
  const report = await findReportRow(ctx.db.kysely, id);
  if (!report || !canSeeReport(actor, report)) throw notFound(`Report ${id}`);
  const staff = can(actor, { type: 'report:handle', organisationId: report.organisation_id });
  const [category, photos, updates] = await Promise.all([
    findCategoryById(ctx.db.kysely, report.category_id),
    listPhotoRows(ctx.db.kysely, report.id),
    listUpdateRows(ctx.db.kysely, report.id),
  ]);
  if (!category) throw notFound(`Category of report ${id}`);
  return {
    report,
    category: categoryOf(category),
    photos: staff ? photos : photos.filter((p) => p.hidden === 0),
    updates: staff ? updates : updates.filter((u) => u.hidden === 0),
    staff,
  };
}

/** The reporter's name as the public may see it, or null. */
export function publicReporterName(report: Report): string | null {
  return report.show_name === 1 && report.anonymised === 0 ? report.reporter_name : null;
}
