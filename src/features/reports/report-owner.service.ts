import type { AppContext } from '../../context.js';
import type { Report } from '../../platform/db/schema.js';
import { recordActivity } from '../../platform/activity/record.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound, validationFailed } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import { pageOf, type PageInput } from '../../platform/paging.js';
import { authorise, can, type Actor } from '../accounts/index.js';
import { queueDatasetRefresh } from './report-queue.js';
import {
  findOwnReportRow,
  listOwnReportRows,
  type OwnReportRow,
} from './report-owner.repository.js';
import { applyReportUpdate, MAX_UPDATE_TEXT } from './report-update.service.js';
import { canSeeReport, MAX_DESCRIPTION } from './report.service.js';
import { updateReportRow } from './report.repository.js';

// What a reporter may do with their own reports, signed in (or with a token with the
// "reports" scope), under the policy's `report:own`: see them all, correct the description
// for a while after confirming, take their name off for good, and reopen one the body marked
// fixed or closed when the problem is still there (FixMyStreet allows the same).

/** How long after a report is marked fixed or closed its reporter may reopen it. */
export const REOPEN_DAYS = 28;
const REOPENABLE = new Set(['fixed', 'closed']);

export interface OwnReport {
  report: OwnReportRow;
  /** Until when the description may be changed; null once it cannot be (or never could). */
  editableUntil: string | null;
  /** Until when it may be reopened; null when it cannot be. */
  reopenableUntil: string | null;
  /** The name is shown or could be (not anonymised yet). */
  canAnonymise: boolean;
}

function editDeadline(ctx: AppContext, r: Report, atMs: number): string | null {
  if (r.state === 'hidden' || r.moderated === 1) return null;
  // An unconfirmed report's window starts when it is confirmed.
  const from = r.confirmed_at ? Date.parse(r.confirmed_at) : atMs;
  const until = from + ctx.config.reportEditMinutes * 60_000;
  return until > atMs ? new Date(until).toISOString() : null;
}

function reopenDeadline(r: Report, atMs: number): string | null {
  if (r.state !== 'confirmed' || !REOPENABLE.has(r.status)) return null;
  const since = Date.parse(r.fixed_at ?? r.status_changed_at);
  const until = since + REOPEN_DAYS * 86_400_000;
  return until > atMs ? new Date(until).toISOString() : null;
}

export function ownView(ctx: AppContext, report: OwnReportRow, atMs = Date.now()): OwnReport {
  return {
    report,
    editableUntil: editDeadline(ctx, report, atMs),
    reopenableUntil: reopenDeadline(report, atMs),
    canAnonymise: report.anonymised === 0,
  };
}

/** The person asking, when they may see their own reports (401 anonymous, 403 no scope). */
function reporter(actor: Actor) {
  authorise(
    actor,
    { type: 'report:own', reporterId: actor.user?.id ?? null },
    'Sign in to see your reports',
  );
  return actor.user;
}

/** A page of the asker's own reports, newest first. */
export async function listOwnReports(
  ctx: AppContext,
  actor: Actor,
  input: PageInput,
): Promise<{ total: number; page: number; per_page: number; results: OwnReport[] }> {
  const user = reporter(actor);
  const { page, per_page } = pageOf(input);
  const { total, rows } = await listOwnReportRows(ctx.db.kysely, user?.id ?? '', {
    limit: per_page,
    offset: (page - 1) * per_page,
  });
  const at = Date.now();
  return { total, page, per_page, results: rows.map((r) => ownView(ctx, r, at)) };
}

/**
 * One of the asker's reports. Someone else's report is 403 when the public may see it and 404
 * when not (an unconfirmed or hidden report's existence is not theirs to learn).
 */
async function ownReport(ctx: AppContext, actor: Actor, id: string): Promise<OwnReportRow> {
  const row = await findOwnReportRow(ctx.db.kysely, id);
  if (!row) throw notFound(`Report ${id}`);
  const action = { type: 'report:own', reporterId: row.reporter_user_id } as const;
  if (can(actor, action)) return row;
  const theirs = actor.user !== null && actor.user.id === row.reporter_user_id;
  if (!theirs && !canSeeReport(actor, row)) throw notFound(`Report ${id}`);
  authorise(actor, action, 'Only the person who made this report can change it');
  return row;
}

export async function getOwnReport(ctx: AppContext, actor: Actor, id: string): Promise<OwnReport> {
  return ownView(ctx, await ownReport(ctx, actor, id));
}

async function reread(ctx: AppContext, id: string): Promise<OwnReport> {
  const row = await findOwnReportRow(ctx.db.kysely, id);
  if (!row) throw notFound(`Report ${id}`);
  return ownView(ctx, row);
}

/** Changes the description, within REPORT_EDIT_MINUTES of confirming; logged. */
export async function editOwnReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { description: string },
): Promise<OwnReport> {
  const row = await ownReport(ctx, actor, id);
  const description = input.description.trim();
  if (!description) throw validationFailed([{ field: 'description', message: 'is required' }]);
  if (description.length > MAX_DESCRIPTION) {
    throw validationFailed([
      { field: 'description', message: `must be at most ${MAX_DESCRIPTION} characters` },
    ]);
  }
  if (row.state === 'hidden' || row.moderated === 1) {
    throw conflict(
      'A moderator has changed this report, so it can no longer be edited',
      undefined,
      'report_moderated',
    );
  }
  if (!editDeadline(ctx, row, Date.now())) {
    throw conflict(
      `A report can be edited for ${ctx.config.reportEditMinutes} minutes after it is confirmed; add an update instead, or make a new report`,
      { edit_minutes: ctx.config.reportEditMinutes },
      'edit_window_closed',
    );
  }
  if (description === row.description) return ownView(ctx, row);
  const at = now();
  await inTransaction(ctx, async (tx) => {
    await updateReportRow(tx.db.kysely, row.id, { description, updated_at: at });
    await recordActivity(tx.db.kysely, actor, {
      action: 'report.edited',
      subject: { type: 'report', id: row.id },
      organisationId: row.organisation_id,
      diff: { description: { from: row.description, to: description } },
      at,
    });
  });
  if (row.state === 'confirmed') await queueDatasetRefresh(ctx);
  return reread(ctx, row.id);
}

/** Takes the reporter's name off the report for good (the public never sees it again). */
export async function anonymiseOwnReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<OwnReport> {
  const row = await ownReport(ctx, actor, id);
  if (row.anonymised === 1) return ownView(ctx, row);
  const at = now();
  await inTransaction(ctx, async (tx) => {
    await updateReportRow(tx.db.kysely, row.id, { show_name: 0, anonymised: 1, updated_at: at });
    await recordActivity(tx.db.kysely, actor, {
      action: 'report.anonymised',
      subject: { type: 'report', id: row.id },
      organisationId: row.organisation_id,
      diff: {
        show_name: { from: row.show_name, to: 0 },
        anonymised: { from: 0, to: 1 },
      },
      at,
    });
  });
  if (row.state === 'confirmed') await queueDatasetRefresh(ctx);
  return reread(ctx, row.id);
}

/**
 * Reopens a report the body marked fixed or closed, within REOPEN_DAYS, with the reporter's
 * words: a public update from the reporter that sets the status back to open.
 */
export async function reopenOwnReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { text: string },
): Promise<OwnReport> {
  const row = await ownReport(ctx, actor, id);
  const text = input.text.trim();
  if (!text) {
    throw validationFailed([{ field: 'text', message: 'Say why the problem is not fixed' }]);
  }
  if (text.length > MAX_UPDATE_TEXT) {
    throw validationFailed([
      { field: 'text', message: `must be at most ${MAX_UPDATE_TEXT} characters` },
    ]);
  }
  if (row.state !== 'confirmed' || !REOPENABLE.has(row.status)) {
    throw conflict(
      'Only a report marked fixed or closed can be reopened',
      { status: row.status },
      'not_reopenable',
    );
  }
  if (!reopenDeadline(row, Date.now())) {
    throw conflict(
      `A report can be reopened within ${REOPEN_DAYS} days of being marked ${row.status}; please make a new report`,
      { reopen_days: REOPEN_DAYS },
      'reopen_window_closed',
    );
  }
  await applyReportUpdate(ctx, row, {
    status: 'open',
    text,
    source: 'reporter',
    authorId: actor.user?.id ?? null,
    organisationId: null,
  });
  return reread(ctx, row.id);
}
