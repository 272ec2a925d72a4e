import type { AppContext } from '../../context.js';
import { type Actor, authorise, can } from '../accounts/index.js';
import { combinedAuthorityIds } from '../organisations/index.js';

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
