import type { AppContext } from '../../context.js';
import { type Actor, authorise, can } from '../accounts/index.js';
import { combinedAuthorityIds } from '../organisations/index.js';
import type { PromiseWithOwner } from './promise.repository.js';
import { promiseOrFail } from './promise.service.js';

// Promises are public; who may change them is the policy's 'promise:edit', which needs to know
// the combined authority's organisations (the mayor's office).

export async function canEditPromises(ctx: AppContext, actor: Actor): Promise<boolean> {
  if (!actor.user) return false;
  const ids = await combinedAuthorityIds(ctx);
  return can(actor, { type: 'promise:edit', combinedAuthorityIds: ids });
}

export async function authorisePromiseEdit(ctx: AppContext, actor: Actor): Promise<void> {
  const ids = actor.user ? await combinedAuthorityIds(ctx) : [];
  authorise(
    actor,
    { type: 'promise:edit', combinedAuthorityIds: ids },
    "Only the mayor's office (editors of the combined authority) and site admins edit promises",
  );
}

/** A promise its editor may change or delete (the mayor's office, site admins), else 403 or 404. */
export async function editablePromise(
  ctx: AppContext,
  actor: Actor,
  slug: string,
): Promise<PromiseWithOwner> {
  await authorisePromiseEdit(ctx, actor);
  return promiseOrFail(ctx, slug);
}
