import type { AppContext } from '../../context.js';
import type { Actor } from './actor.js';
import { actorForUser } from './token.service.js';
import { addMember, createUser, findUser } from './user.service.js';

// Who publishes what the platform publishes by itself (the citizen reports dataset, harvested
// datasets): a dedicated account per kind of work, an editor of the owning organisation, so
// each change passes the same policy and lands in the same activity log as any publisher's,
// under a name that says what it is. It has no password and an address that cannot receive
// mail (.invalid), so no one can sign in as it; its actor carries the read and write scopes.

export interface AutomaticPublisher {
  email: string;
  name: string;
}

async function publisherUser(ctx: AppContext, who: AutomaticPublisher) {
  const found = await findUser(ctx, who.email);
  if (found) return found;
  try {
    return await createUser(ctx, { ...who, verified: true });
  } catch (err) {
    // Another node created it in the meantime.
    const again = await findUser(ctx, who.email);
    if (again) return again;
    throw err;
  }
}

/** The publisher acting for this organisation (made its editor if it is not yet a member). */
export async function automaticPublisher(
  ctx: AppContext,
  who: AutomaticPublisher,
  organisationId: string,
): Promise<Actor> {
  const user = await publisherUser(ctx, who);
  let actor = await actorForUser(ctx, user.id, ['read', 'write']);
  const role = actor.roles.get(organisationId);
  if (role !== 'editor' && role !== 'admin') {
    await addMember(ctx, who.email, organisationId, 'editor');
    actor = await actorForUser(ctx, user.id, ['read', 'write']);
  }
  return actor;
}
