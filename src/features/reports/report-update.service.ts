import type { AppContext } from '../../context.js';
import type { Report, ReportStatus, ReportUpdate, UpdateSource } from '../../platform/db/schema.js';
import { notFound, validationFailed } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { authorise, type Actor } from '../accounts/index.js';
import { queueDatasetRefresh, queueNotification } from './report-queue.js';
import { findReportRow, updateReportRow } from './report.repository.js';
import { insertUpdateRow } from './report-parts.repository.js';
import { isStatus, STATUSES } from './report-status.js';

// A public update on a report: the body changes its status with words for the reporter, or
// the reporter reopens it. Every update is public (unless moderated), moves the report's
// status and times, and tells the reporter and the "me too" followers by e-mail.

export const MAX_UPDATE_TEXT = 5000;

export interface UpdateInput {
  status?: string | undefined;
  text: string;
  /** Where it came from: the body's staff on the web or API, or the body's own system. */
  source: UpdateSource;
  /** The update's id in the body's system: the same one is taken once. */
  externalId?: string | undefined;
  /** When the body's system says it happened (Open311 `updated_datetime`); default now. */
  at?: string | undefined;
}

function checkUpdate(input: UpdateInput): ReportStatus | null {
  const text = input.text.trim();
  const errors = [];
  if (input.status !== undefined && !isStatus(input.status)) {
    errors.push({ field: 'status', message: `must be one of ${STATUSES.join(', ')}` });
  }
  if (!text && input.status === undefined) {
    errors.push({ field: 'text', message: 'is required when the status does not change' });
  }
  if (text.length > MAX_UPDATE_TEXT) {
    errors.push({ field: 'text', message: `must be at most ${MAX_UPDATE_TEXT} characters` });
  }
  if (errors.length > 0) throw validationFailed(errors);
  return input.status !== undefined && isStatus(input.status) ? input.status : null;
}

/**
 * Records an update without asking who may (the callers have): the body's system over Open311,
 * or postReportUpdate after the policy. Returns null when the body's update was taken already.
 */
export async function applyReportUpdate(
  ctx: AppContext,
  report: Report,
  input: UpdateInput & { authorId: string | null; organisationId: string | null },
  extra: Partial<
    Pick<
      Report,
      'duplicate_of' | 'organisation_id' | 'send_state' | 'sent_at' | 'external_id' | 'send_error'
    >
  > = {},
): Promise<ReportUpdate | null> {
  const status = checkUpdate(input);
  const at = input.at ?? now();
  const update: ReportUpdate = {
    id: newId(),
    report_id: report.id,
    author_user_id: input.authorId,
    organisation_id: input.organisationId,
    status,
    text: input.text.trim(),
    source: input.source,
    external_id: input.externalId ?? null,
    hidden: 0,
    created_at: at,
  };
  const applied = await inTransaction(ctx, async (tx) => {
    if (input.externalId) {
      const seen = await tx.db.kysely
        .selectFrom('report_updates')
        .select('id')
        .where('report_id', '=', report.id)
        .where('external_id', '=', input.externalId)
        .executeTakeFirst();
      if (seen) return false;
    }
    await insertUpdateRow(tx.db.kysely, update);
    const changes: Partial<Report> = { updated_at: now(), ...extra };
    if (status && status !== report.status) {
      changes.status = status;
      changes.status_changed_at = at;
      changes.fixed_at =
        status === 'fixed' ? at : report.status === 'fixed' ? null : report.fixed_at;
    }
    await updateReportRow(tx.db.kysely, report.id, changes);
    return true;
  });
  if (!applied) return null;
  await queueNotification(ctx, update.id);
  await queueDatasetRefresh(ctx);
  return update;
}

/** The body's staff post an update (status and words) on one of their reports. */
export async function postReportUpdate(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  input: UpdateInput,
): Promise<ReportUpdate> {
  const report = await findReportRow(ctx.db.kysely, reportId);
  if (!report || report.state === 'unconfirmed') throw notFound(`Report ${reportId}`);
  authorise(
    actor,
    { type: 'report:handle', organisationId: report.organisation_id },
    'Only the staff of the body responsible update this report',
  );
  const update = await applyReportUpdate(ctx, report, {
    ...input,
    authorId: actor.user?.id ?? null,
    organisationId: report.organisation_id,
  });
  if (!update) throw notFound(`Report ${reportId}`);
  return update;
}
