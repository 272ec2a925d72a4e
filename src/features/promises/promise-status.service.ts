import { joinTransaction } from '../../platform/db/transaction.js';
import type { AppContext } from '../../context.js';
import { validationFailed, type FieldError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import type { Actor } from '../accounts/index.js';
import { recordPromiseChange } from './promise-activity.js';
import { editablePromise } from './promise-access.js';
import { statusLabel } from './promise-status.js';
import { insertStatusChange, updatePromise } from './promise.repository.js';
import type { StatusChangeInput } from './promise.schemas.js';
import { getPromise } from './promise.service.js';
import { isIsoDate, todayIso } from './term.js';

/**
 * Records a change of a promise's status, with its rationale and evidence, by the actor. The
 * change, the promise's current status and the audit record are written in one transaction.
 * A change may be dated in the past (an editor catching up), but not before the promise's last
 * change, so the timeline's "from" is always the status before it.
 */
export async function changePromiseStatus(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  input: StatusChangeInput,
) {
  const promise = await editablePromise(ctx, actor, slug);
  const today = todayIso();
  const date = input.date ?? today;
  const errors: FieldError[] = [];
  if (input.status === promise.status) {
    errors.push({ field: 'status', message: `is already “${statusLabel(promise.status)}”` });
  }
  if (!isIsoDate(date)) errors.push({ field: 'date', message: 'must be a real date' });
  else if (date > today) errors.push({ field: 'date', message: 'must be today or in the past' });
  else if (promise.status_date !== null && date < promise.status_date) {
    errors.push({
      field: 'date',
      message: `must be on or after the last change, ${promise.status_date}`,
    });
  }
  if (input.rationale.trim() === '') errors.push({ field: 'rationale', message: 'Enter why' });
  if (errors.length > 0) throw validationFailed(errors);
  const at = now();
  const evidence = input.evidence ?? [];
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await insertStatusChange(trx, {
      id: newId(),
      promise_id: promise.id,
      changed_on: date,
      from_status: promise.status,
      to_status: input.status,
      rationale: input.rationale.trim(),
      evidence: JSON.stringify(evidence),
      actor_id: actor.user?.id ?? null,
      created_at: at,
    });
    await updatePromise(trx, promise.id, {
      status: input.status,
      status_date: date,
      updated_at: at,
    });
    const diff = {
      status: { from: promise.status, to: input.status },
      date: { from: null, to: date },
      evidence: { from: null, to: evidence.length },
    };
    await recordPromiseChange(trx, actor, 'promise.status-changed', promise, diff, at);
  });
  return getPromise(ctx, actor, slug);
}
