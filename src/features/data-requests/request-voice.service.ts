import type { AppContext } from '../../context.js';
import { recordActivity } from '../../platform/activity/record.js';
import type { DataRequestModeration } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound, validationFailed } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { enforceRateLimit } from '../../platform/rate-limit.js';
import { authorise, type Actor } from '../accounts/index.js';
import { requestRow } from './data-request.service.js';
import { commentEntry } from './data-request.view.js';
import type { ModerationInput } from './data-request.schemas.js';
import {
  findComment,
  insertComment,
  insertModeration,
  insertSupporter,
  recountSupporters,
  setCommentHidden,
} from './request-parts.repository.js';

// Others' voices on a request: "I need this too" (once per person) and comments, which the
// body's admins and editors moderate as reports are: hide or show again, with a reason, kept
// in the moderation table and the audit log.

export async function supportRequest(ctx: AppContext, actor: Actor, id: string) {
  authorise(actor, { type: 'data-request:participate' }, 'Sign in to support a request');
  const row = await requestRow(ctx, id);
  const userId = actor.user?.id ?? '';
  if (row.requester_id === userId) {
    throw conflict(
      'You asked for this data: your request counts already',
      undefined,
      'own_request',
    );
  }
  return inTransaction(ctx, async (tx) => {
    const added = await insertSupporter(tx.db.kysely, row.id, userId, now());
    const supporters = added ? await recountSupporters(tx.db.kysely, row.id) : row.supporters_count;
    return { outcome: added ? ('counted' as const) : ('already' as const), supporters };
  });
}

export async function commentOnRequest(ctx: AppContext, actor: Actor, id: string, body: string) {
  authorise(actor, { type: 'data-request:participate' }, 'Sign in to comment');
  const row = await requestRow(ctx, id);
  const text = body.trim();
  if (!text) throw validationFailed([{ field: 'body', message: 'Enter your comment' }]);
  await enforceRateLimit(
    ctx.db,
    { key: `data-request-comment:${actor.user?.id ?? ''}`, limit: 30, windowS: 3600 },
    'Too many comments from this account; try again in an hour',
  );
  const comment = {
    id: newId(),
    request_id: row.id,
    author_id: actor.user?.id ?? null,
    body: text,
    hidden: 0,
    created_at: now(),
  };
  await insertComment(ctx.db.kysely, comment);
  return commentEntry({ ...comment, author_name: actor.user?.name ?? null });
}

export async function moderateComment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  commentId: string,
  input: ModerationInput,
): Promise<DataRequestModeration> {
  const row = await requestRow(ctx, id);
  authorise(
    actor,
    { type: 'data-request:moderate', organisationId: row.organisation_id },
    'Only the body’s administrators and editors moderate comments',
  );
  const reason = input.reason.trim();
  if (!reason) throw validationFailed([{ field: 'reason', message: 'is required' }]);
  const comment = await findComment(ctx.db.kysely, row.id, commentId);
  if (!comment) throw notFound(`Comment ${commentId}`);
  const hide = input.action === 'hide';
  if ((comment.hidden === 1) === hide) {
    const message = hide ? 'This comment is hidden already' : 'This comment is not hidden';
    throw conflict(message, undefined, 'state_unchanged');
  }
  const moderation: DataRequestModeration = {
    id: newId(),
    request_id: row.id,
    comment_id: comment.id,
    actor_id: actor.user?.id ?? null,
    action: hide ? 'hide_comment' : 'unhide_comment',
    reason,
    created_at: now(),
  };
  await inTransaction(ctx, async (tx) => {
    await setCommentHidden(tx.db.kysely, comment.id, hide);
    await insertModeration(tx.db.kysely, moderation);
    await recordActivity(tx.db.kysely, actor, {
      action: `data-request.${hide ? 'hide' : 'unhide'}-comment`,
      subject: { type: 'data-request', id: row.id },
      organisationId: row.organisation_id,
      diff: {
        [`comment ${comment.id}`]: {
          from: hide ? 'shown' : 'hidden',
          to: hide ? 'hidden' : 'shown',
        },
        moderation: { from: null, to: moderation.id },
      },
      at: moderation.created_at,
    });
  });
  return moderation;
}
