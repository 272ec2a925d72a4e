import type { AppContext } from '../../context.js';
import type {
  ModerationAction,
  Report,
  ReportModeration,
  ReportState,
} from '../../platform/db/schema.js';
import { recordActivity } from '../../platform/activity/record.js';
import type { Diff } from '../../platform/activity/diff.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, validationFailed, type FieldError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { authorise, userNames, type Actor } from '../accounts/index.js';
import { reportForStaff } from './report-handling.service.js';
import { queueDatasetRefresh, queueSending } from './report-queue.js';
import {
  findPhotoOfReport,
  findUpdateOfReport,
  setPhotoHidden,
  setUpdateHidden,
} from './report-moderation.repository.js';
import { listModerationRows, insertModerationRow } from './report-parts.repository.js';
import { updateReportRow } from './report.repository.js';
import { MAX_DESCRIPTION } from './report.service.js';

// Moderation by the body's admins and editors: hiding a report, a photo or an update from the
// public (and showing them again), and redacting the description. Each needs a reason, is
// kept in report_moderations and the audit log, and marks the report "moderated" in public.
// A redaction replaces the text: the original is kept nowhere (not in the log either).

export const MODERATION_ACTIONS: readonly ModerationAction[] = [
  'hide',
  'unhide',
  'hide_photo',
  'unhide_photo',
  'hide_update',
  'redact',
];

export const MAX_REASON = 1000;

export interface ModerationInput {
  action: string;
  reason: string;
  photoId?: string | undefined;
  updateId?: string | undefined;
  /** With `redact`: the description as it should read now. */
  description?: string | undefined;
}

const isAction = (value: string): value is ModerationAction =>
  (MODERATION_ACTIONS as readonly string[]).includes(value);

function checkInput(input: ModerationInput): { action: ModerationAction; reason: string } {
  const errors: FieldError[] = [];
  const reason = input.reason.trim();
  if (!isAction(input.action)) {
    errors.push({ field: 'action', message: `must be one of ${MODERATION_ACTIONS.join(', ')}` });
  }
  if (!reason) errors.push({ field: 'reason', message: 'is required' });
  if (reason.length > MAX_REASON) {
    errors.push({ field: 'reason', message: `must be at most ${String(MAX_REASON)} characters` });
  }
  if (['hide_photo', 'unhide_photo'].includes(input.action) && !input.photoId) {
    errors.push({ field: 'photo_id', message: 'is required to hide or show a photo' });
  }
  if (input.action === 'hide_update' && !input.updateId) {
    errors.push({ field: 'update_id', message: 'is required to hide an update' });
  }
  if (input.action === 'redact') {
    const description = input.description?.trim() ?? '';
    if (!description) errors.push({ field: 'description', message: 'is required to redact' });
    if (description.length > MAX_DESCRIPTION) {
      errors.push({
        field: 'description',
        message: `must be at most ${String(MAX_DESCRIPTION)} characters`,
      });
    }
  }
  if (errors.length > 0 || !isAction(input.action)) throw validationFailed(errors);
  return { action: input.action, reason };
}

const stateChange = (report: Report, to: ReportState): Diff => {
  if (report.state === to) {
    throw conflict(
      to === 'hidden' ? 'This report is hidden already' : 'This report is not hidden',
      undefined,
      'state_unchanged',
    );
  }
  return { state: { from: report.state, to } };
};

/** Applies one moderation action and records it; returns the moderation row. */
export async function moderateReport(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  input: ModerationInput,
): Promise<ReportModeration> {
  const report = await reportForStaff(ctx, actor, reportId);
  authorise(
    actor,
    { type: 'report:moderate', organisationId: report.organisation_id },
    'Only the body’s administrators and editors moderate reports',
  );
  const { action, reason } = checkInput(input);
  const at = now();
  const moderation: ReportModeration = {
    id: newId(),
    report_id: report.id,
    photo_id: null,
    update_id: null,
    actor_id: actor.user?.id ?? null,
    action,
    reason,
    created_at: at,
  };
  await inTransaction(ctx, async (tx) => {
    const db = tx.db.kysely;
    const changes: Partial<Report> = { moderated: 1, updated_at: at };
    let diff: Diff;
    switch (action) {
      case 'hide':
      case 'unhide': {
        const to = action === 'hide' ? 'hidden' : 'confirmed';
        diff = stateChange(report, to);
        changes.state = to;
        break;
      }
      case 'hide_photo':
      case 'unhide_photo': {
        const photo = await findPhotoOfReport(db, report.id, input.photoId ?? '');
        if (!photo)
          throw validationFailed([{ field: 'photo_id', message: 'is not a photo of this report' }]);
        const hidden = action === 'hide_photo';
        if ((photo.hidden === 1) === hidden) {
          throw conflict(
            `This photo is ${hidden ? 'hidden already' : 'not hidden'}`,
            undefined,
            'state_unchanged',
          );
        }
        await setPhotoHidden(db, photo.id, hidden);
        moderation.photo_id = photo.id;
        diff = {
          [`photo ${photo.id}`]: {
            from: hidden ? 'shown' : 'hidden',
            to: hidden ? 'hidden' : 'shown',
          },
        };
        break;
      }
      case 'hide_update': {
        const update = await findUpdateOfReport(db, report.id, input.updateId ?? '');
        if (!update)
          throw validationFailed([
            { field: 'update_id', message: 'is not an update of this report' },
          ]);
        if (update.hidden === 1)
          throw conflict('This update is hidden already', undefined, 'state_unchanged');
        await setUpdateHidden(db, update.id, true);
        moderation.update_id = update.id;
        diff = { [`update ${update.id}`]: { from: 'shown', to: 'hidden' } };
        break;
      }
      case 'redact': {
        const description = input.description?.trim() ?? '';
        if (description === report.description) {
          throw validationFailed([
            { field: 'description', message: 'is unchanged: edit the text to redact it' },
          ]);
        }
        changes.description = description;
        // Neither text goes in the log: the point is that the original is kept nowhere.
        diff = { description: { from: 'original', to: 'redacted' } };
        break;
      }
    }
    await updateReportRow(db, report.id, changes);
    await insertModerationRow(db, moderation);
    await recordActivity(db, actor, {
      action: `report.${action.replace('_', '-')}`,
      subject: { type: 'report', id: report.id },
      organisationId: report.organisation_id,
      diff: { ...diff, moderation: { from: null, to: moderation.id } },
      at,
    });
  });
  await queueDatasetRefresh(ctx);
  // A report hidden before it was sent was skipped by the sending job: shown again, it goes.
  if (action === 'unhide' && report.send_state === 'unsent') await queueSending(ctx, report.id);
  return moderation;
}

export interface ModerationEntry extends ReportModeration {
  actor_name: string | null;
}

/** A report's moderation history, oldest first, for the body's staff. */
export async function listModerations(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
): Promise<ModerationEntry[]> {
  const report = await reportForStaff(ctx, actor, reportId);
  const rows = await listModerationRows(ctx.db.kysely, report.id);
  const names = await userNames(
    ctx,
    rows.flatMap((r) => (r.actor_id ? [r.actor_id] : [])),
  );
  return rows.map((r) => ({
    ...r,
    actor_name: r.actor_id ? (names.get(r.actor_id) ?? null) : null,
  }));
}
