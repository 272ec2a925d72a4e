import type { AppContext } from '../../context.js';
import { recordActivity } from '../../platform/activity/record.js';
import type { DataRequest } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, validationFailed, type FieldError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { authorise, type Actor } from '../accounts/index.js';
import { readableDataset } from '../catalog/index.js';
import { findRequestRow, updateRequestRow, type RequestRow } from './data-request.repository.js';
import type { StatusChangeInput } from './data-request.schemas.js';
import { getRequest, requestRow } from './data-request.service.js';
import { insertHistoryRow, listWatcherEmails } from './request-parts.repository.js';
import { REFUSAL_LABELS, STATUS_LABELS } from './request-status.js';

// The body's answer: a status with a public reason, and what that status needs (a target
// date, the released dataset, the refusal's reason, the request it duplicates). Each is kept
// in the history, logged, and e-mailed to the requester and the supporters.

type Changes = Pick<
  DataRequest,
  'status' | 'status_reason' | 'target_date' | 'dataset_id' | 'refusal_reason' | 'duplicate_of'
>;

async function checked(
  ctx: AppContext,
  actor: Actor,
  row: RequestRow,
  input: StatusChangeInput,
): Promise<Changes> {
  const errors: FieldError[] = [];
  const reason = input.reason.trim();
  if (!reason) errors.push({ field: 'reason', message: 'Give the public reason for the answer' });
  const out: Changes = {
    status: input.status,
    status_reason: reason,
    target_date: null,
    dataset_id: null,
    refusal_reason: null,
    duplicate_of: null,
  };
  if (input.status === 'accepted') {
    if (!input.target_date) errors.push({ field: 'target_date', message: 'Enter a target date' });
    out.target_date = input.target_date ?? null;
  }
  if (input.status === 'refused') {
    if (!input.refusal_reason) {
      errors.push({ field: 'refusal_reason', message: 'Choose why it is refused' });
    }
    out.refusal_reason = input.refusal_reason ?? null;
  }
  if (input.status === 'released') {
    const slug = input.dataset?.trim() ?? '';
    if (!slug) errors.push({ field: 'dataset', message: 'Enter the released dataset' });
    else {
      const dataset = await readableDataset(ctx, actor, slug).catch(() => null);
      if (dataset?.state !== 'active' || dataset.visibility !== 'public') {
        errors.push({ field: 'dataset', message: `is not a published dataset: ${slug}` });
      } else out.dataset_id = dataset.id;
    }
  }
  if (input.status === 'duplicate') {
    const other = input.duplicate_of?.trim() ?? '';
    const found = /^[0-9a-f-]{36}$/i.test(other)
      ? await findRequestRow(ctx.db.kysely, other)
      : undefined;
    if (!found || found.id === row.id) {
      errors.push({ field: 'duplicate_of', message: 'Enter the id of the request it repeats' });
    } else out.duplicate_of = found.id;
  }
  if (errors.length) throw validationFailed(errors);
  return out;
}

async function mailWatchers(ctx: AppContext, row: RequestRow, changes: Changes) {
  const to = await listWatcherEmails(ctx.db.kysely, row.id);
  const url = `${ctx.config.baseUrl}/data-requests/${row.id}`;
  const lines = [
    `${row.organisation_name} has answered the data request “${row.title}”:`,
    '',
    `Status: ${STATUS_LABELS[changes.status]}`,
  ];
  if (changes.target_date) lines.push(`Target date: ${changes.target_date}`);
  if (changes.refusal_reason) lines.push(`Reason: ${REFUSAL_LABELS[changes.refusal_reason]}`);
  lines.push('', changes.status_reason ?? '', '', `See the request: ${url}`, '');
  lines.push('You get this because you asked for this data or said you need it too.');
  for (const address of to) {
    await ctx.mailer.send({
      to: address,
      subject: `Data request ${STATUS_LABELS[changes.status].toLowerCase()}: ${row.title}`,
      text: lines.join('\n'),
    });
  }
}

export async function changeRequestStatus(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: StatusChangeInput,
) {
  const row = await requestRow(ctx, id);
  authorise(
    actor,
    { type: 'data-request:answer', organisationId: row.organisation_id },
    'Only the assigned body’s administrators and editors answer this request',
  );
  const changes = await checked(ctx, actor, row, input);
  if (changes.status === row.status && changes.status_reason === row.status_reason) {
    throw conflict('The request has this status and reason already', undefined, 'unchanged');
  }
  const at = now();
  await inTransaction(ctx, async (tx) => {
    const db = tx.db.kysely;
    await updateRequestRow(db, row.id, { ...changes, updated_at: at });
    await insertHistoryRow(db, {
      id: newId(),
      request_id: row.id,
      from_status: row.status,
      to_status: changes.status,
      reason: changes.status_reason ?? '',
      target_date: changes.target_date,
      dataset_id: changes.dataset_id,
      refusal_reason: changes.refusal_reason,
      duplicate_of: changes.duplicate_of,
      actor_id: actor.user?.id ?? null,
      created_at: at,
    });
    await recordActivity(db, actor, {
      action: 'data-request.status-changed',
      subject: { type: 'data-request', id: row.id },
      organisationId: row.organisation_id,
      diff: { status: { from: row.status, to: changes.status } },
      at,
    });
  });
  await mailWatchers(ctx, row, changes);
  return getRequest(ctx, actor, row.id);
}
