import type { AppContext } from '../../context.js';
import { recordActivity } from '../../platform/activity/record.js';
import { scheduleBlobDeletion } from '../../platform/blobs/garbage.repository.js';
import { conflict, validationFailed } from '../../platform/errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { now } from '../../platform/ids.js';
import type { ShowcaseStatus } from '../../platform/db/schema.js';
import { authorise, type Actor } from '../accounts/index.js';
import { mailDecision } from './showcase-mail.js';
import { imagePrefix } from './showcase-image.js';
import { deleteShowcaseRow, updateShowcase } from './showcase.repository.js';
import { getShowcase, readableShowcase } from './showcase.service.js';
import type { PublicShowcase } from './showcase.view.js';

// A site admin's decision on a submission, and the removal of one (by its author or an admin).

async function decide(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  to: Exclude<ShowcaseStatus, 'pending'>,
  reason: string | null,
  at: string,
): Promise<PublicShowcase> {
  authorise(actor, { type: 'showcase:moderate' }, 'Only site administrators moderate showcases');
  const showcase = await readableShowcase(ctx, actor, slug);
  if (showcase.status === to) {
    throw conflict(`This showcase is already ${to}`, { status: showcase.status });
  }
  await inTransaction(ctx, async (tx) => {
    await updateShowcase(tx.db.kysely, showcase.id, {
      status: to,
      rejection_reason: reason,
      decided_by: actor.user?.id ?? null,
      decided_at: at,
      updated_at: at,
    });
    await recordActivity(tx.db.kysely, actor, {
      action: `showcase.${to}`,
      subject: { type: 'showcase', id: showcase.id },
      diff: {
        status: { from: showcase.status, to },
        ...(reason ? { rejection_reason: { from: showcase.rejection_reason, to: reason } } : {}),
      },
      at,
    });
  });
  await mailDecision(ctx, actor, showcase, { to, reason });
  return getShowcase(ctx, actor, slug);
}

/** Makes a showcase public (a rejected one too, if the admin changes their mind). */
export const approveShowcase = (ctx: AppContext, actor: Actor, slug: string, at = now()) =>
  decide(ctx, actor, slug, 'approved', null, at);

/** Refuses a showcase, with the reason its author is shown; it leaves the public list. */
export function rejectShowcase(ctx: AppContext, actor: Actor, slug: string, reason: string) {
  const text = reason.trim();
  if (!text) throw validationFailed([{ field: 'reason', message: 'Enter the reason' }]);
  if (text.length > 2000) {
    throw validationFailed([
      { field: 'reason', message: 'Reason must be 2,000 characters or fewer' },
    ]);
  }
  return decide(ctx, actor, slug, 'rejected', text, now());
}

/** Deletes a showcase and (in the background) its image. */
export async function deleteShowcase(ctx: AppContext, actor: Actor, slug: string): Promise<void> {
  const showcase = await readableShowcase(ctx, actor, slug);
  authorise(
    actor,
    { type: 'showcase:delete', showcase },
    'Only its author or a site administrator can delete a showcase',
  );
  const at = now();
  await inTransaction(ctx, async (tx) => {
    await deleteShowcaseRow(tx.db.kysely, showcase.id);
    await scheduleBlobDeletion(tx.db.kysely, imagePrefix(showcase.id), at);
    await recordActivity(tx.db.kysely, actor, {
      action: 'showcase.deleted',
      subject: { type: 'showcase', id: showcase.id },
      diff: { title: { from: showcase.title, to: null } },
      at,
    });
  });
}
