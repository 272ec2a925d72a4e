import type { AppContext } from '../../context.js';
import { recordActivity } from '../../platform/activity/record.js';
import type {
  NewReport,
  ReportSource,
  ReportStatus,
  ReportSupporter,
  ReportUpdate,
} from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { DomainError, validationFailed, type FieldError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { authorise, type Actor } from '../accounts/index.js';
import { checkAnswers, type Answers } from './attributes.js';
import { locate } from '../areas/index.js';
import { categoriesAt, type Offer } from './category.service.js';
import { countReportsFrom, insertReportRows } from './report-import.repository.js';
import { queueDatasetRefresh } from './report-queue.js';
import { isStatus, STATUSES } from './report-status.js';
import { MAX_DESCRIPTION } from './report.service.js';

// Reports brought in with their own history: made, confirmed and answered at the times given
// (the demo's two years of synthetic reports; a body's back catalogue). They are routed like
// any report (the body answering the category at the point gets it) but skip what a new
// report goes through: no confirmation e-mail, no rate limit, no sending (the body had them
// already: they are recorded as sent), no notifications for the old updates.

export interface ImportedUpdate {
  /** The status the body set, if it changed it. */
  status?: string | undefined;
  text: string;
  /** ISO time. */
  at: string;
}

export interface ImportedReport {
  category: string;
  lat: number;
  lon: number;
  description: string;
  attributes?: Answers | undefined;
  reporter: { name: string; email: string; showName?: boolean | undefined };
  /** When it was made (and confirmed), ISO. */
  createdAt: string;
  /** The body's public updates, oldest first. */
  updates?: ImportedUpdate[] | undefined;
  /** "Me too"s, confirmed. */
  supporters?: { email: string; at: string }[] | undefined;
}

export interface ImportOptions {
  /** What the reports' `source` says: 'demo' for the synthetic ones. */
  source: ReportSource;
  /**
   * false: the caller refreshes the open dataset itself (the demo, which publishes it with its
   * own description) rather than the queue doing it a few seconds later.
   */
  queueRefresh?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isTime = (value: string) => !Number.isNaN(Date.parse(value)) && value.includes('T');

interface Rows {
  report: NewReport;
  updates: ReportUpdate[];
  supporters: ReportSupporter[];
}

function checkTimes(r: ImportedReport, field: string, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isTime(r.createdAt) || r.createdAt > at) {
    errors.push({
      field: `${field}.created_at`,
      message: 'must be an ISO time, not in the future',
    });
  }
  let previous = r.createdAt;
  (r.updates ?? []).forEach((u, j) => {
    if (!isTime(u.at) || u.at < previous || u.at > at) {
      errors.push({
        field: `${field}.updates[${j}].at`,
        message: 'must be an ISO time after the report and the update before it, not in the future',
      });
    }
    previous = u.at;
    if (u.status !== undefined && !isStatus(u.status)) {
      errors.push({
        field: `${field}.updates[${j}].status`,
        message: `must be one of ${STATUSES.join(', ')}`,
      });
    }
  });
  return errors;
}

/**
 * Routes points as categoriesAt does, asking for the categories once per set of bodies found
 * (a region has a few dozen), not once per report: thousands of reports import in seconds.
 */
function router(ctx: AppContext) {
  const offersOf = new Map<string, Offer[]>();
  return async (point: { lat: number; lon: number }) => {
    const located = await locate(ctx, point);
    const key = located.organisations.map((o) => o.slug).join(' ');
    let offers = offersOf.get(key);
    if (!offers) {
      offers = (await categoriesAt(ctx, point)).offers;
      offersOf.set(key, offers);
    }
    return { located, offers };
  };
}

/** The report's rows as they stand after its updates, or what is wrong with it. */
async function rowsOf(
  route: ReturnType<typeof router>,
  r: ImportedReport,
  field: string,
  options: ImportOptions,
  at: string,
): Promise<Rows | FieldError[]> {
  const errors = checkTimes(r, field, at);
  const description = r.description.trim();
  if (!description || description.length > MAX_DESCRIPTION) {
    errors.push({
      field: `${field}.description`,
      message: `must be 1 to ${MAX_DESCRIPTION} characters`,
    });
  }
  if (!EMAIL.test(r.reporter.email)) {
    errors.push({ field: `${field}.reporter.email`, message: 'is not an e-mail address' });
  }
  const supporters = r.supporters ?? [];
  if (new Set(supporters.map((s) => s.email)).size !== supporters.length) {
    errors.push({ field: `${field}.supporters`, message: 'has an e-mail address twice' });
  }
  let routed;
  try {
    routed = await route({ lat: r.lat, lon: r.lon });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return [...errors, { field: `${field}.lat`, message: err.message }];
  }
  const { located, offers } = routed;
  const offer = offers.find((o) => o.category.code === r.category);
  if (!offer) {
    return [
      ...errors,
      { field: `${field}.category`, message: `${r.category} is not answered here` },
    ];
  }
  const checked = checkAnswers(offer.category.attributes, r.attributes ?? {});
  errors.push(...checked.errors.map((e) => ({ ...e, field: `${field}.${e.field}` })));
  if (errors.length > 0) return errors;

  const id = newId();
  const updates: ReportUpdate[] = (r.updates ?? []).map((u) => ({
    id: newId(),
    report_id: id,
    author_user_id: null,
    organisation_id: offer.body.id,
    status: u.status !== undefined && isStatus(u.status) ? u.status : null,
    text: u.text.trim(),
    source: 'api',
    external_id: null,
    hidden: 0,
    created_at: u.at,
  }));
  let status: ReportStatus = 'open';
  let statusChangedAt = r.createdAt;
  let fixedAt: string | null = null;
  for (const u of updates) {
    if (u.status && u.status !== status) {
      status = u.status;
      statusChangedAt = u.created_at;
      fixedAt = status === 'fixed' ? u.created_at : null;
    }
  }
  return {
    report: {
      id,
      category_id: offer.category.id,
      organisation_id: offer.body.id,
      ward_code: located.ward?.code ?? null,
      ward_name: located.ward?.name ?? null,
      latitude: r.lat,
      longitude: r.lon,
      address: null,
      media_url: null,
      description,
      attributes: JSON.stringify(checked.answers),
      status,
      state: 'confirmed',
      duplicate_of: null,
      reporter_user_id: null,
      reporter_email: r.reporter.email.toLowerCase(),
      reporter_name: r.reporter.name,
      reporter_phone: null,
      show_name: r.reporter.showName ? 1 : 0,
      source: options.source,
      send_state: 'sent',
      sent_at: r.createdAt,
      external_id: null,
      send_error: null,
      supporters_count: supporters.length,
      moderated: 0,
      anonymised: 0,
      confirm_token_hash: null,
      confirm_expires_at: null,
      created_at: r.createdAt,
      confirmed_at: r.createdAt,
      updated_at: updates.at(-1)?.created_at ?? r.createdAt,
      status_changed_at: statusChangedAt,
      fixed_at: fixedAt,
    },
    updates,
    supporters: supporters.map((s) => ({
      id: newId(),
      report_id: id,
      user_id: null,
      email: s.email.toLowerCase(),
      confirmed: 1,
      token_hash: null,
      created_at: s.at,
    })),
  };
}

/**
 * Imports reports with their history, all or none: every report is checked (routing, answers,
 * times) before any is written. Site administrators only. The open dataset follows by its job.
 */
export async function importReports(
  ctx: AppContext,
  actor: Actor,
  reports: readonly ImportedReport[],
  options: ImportOptions,
): Promise<{ imported: number }> {
  authorise(actor, { type: 'report:import' }, 'Only site administrators import reports');
  const at = now();
  const all: Rows[] = [];
  const errors: FieldError[] = [];
  const route = router(ctx);
  for (const [i, r] of reports.entries()) {
    const rows = await rowsOf(route, r, `reports[${i}]`, options, at);
    if (Array.isArray(rows)) errors.push(...rows);
    else all.push(rows);
  }
  if (errors.length > 0) throw validationFailed(errors.slice(0, 50));
  await inTransaction(ctx, async (tx) => {
    await insertReportRows(tx.db.kysely, {
      reports: all.map((x) => x.report),
      updates: all.flatMap((x) => x.updates),
      supporters: all.flatMap((x) => x.supporters),
    });
    await recordActivity(tx.db.kysely, actor, {
      action: 'reports.imported',
      subject: { type: 'reports', id: options.source },
      diff: { reports: { from: null, to: all.length } },
      at,
    });
  });
  if (all.length > 0 && options.queueRefresh !== false) await queueDatasetRefresh(ctx);
  return { imported: all.length };
}

/** How many reports this source has brought in already. */
export const importedReportCount = (ctx: AppContext, source: ReportSource) =>
  countReportsFrom(ctx.db.kysely, source);
