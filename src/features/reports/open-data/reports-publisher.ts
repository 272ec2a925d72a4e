import type { AppContext } from '../../../context.js';
import { actorForUser, addMember, createUser, findUser, type Actor } from '../../accounts/index.js';

// Who publishes the dataset: a dedicated account, an editor of the owning body (the combined
// authority), so each refresh passes the same policy and lands in the same activity log as any
// publisher's upload, under a name that says what it is. It has no password and an address
// that cannot receive mail (.invalid), so no one can sign in as it; its only role is editor of
// the dataset's owner, and its actor carries the read and write scopes only.

export const REPORTS_PUBLISHER = {
  email: 'citizen-reports@metrodata.invalid',
  name: 'Citizen reports (automatic publishing)',
} as const;

async function publisherUser(ctx: AppContext) {
  const found = await findUser(ctx, REPORTS_PUBLISHER.email);
  if (found) return found;
  try {
    return await createUser(ctx, { ...REPORTS_PUBLISHER, verified: true });
  } catch (err) {
    // Another node created it in the meantime.
    const again = await findUser(ctx, REPORTS_PUBLISHER.email);
    if (again) return again;
    throw err;
  }
}

/** The publisher acting for this organisation (made its editor if it is not yet a member). */
export async function reportsPublisher(ctx: AppContext, organisationId: string): Promise<Actor> {
  const user = await publisherUser(ctx);
  let actor = await actorForUser(ctx, user.id, ['read', 'write']);
  const role = actor.roles.get(organisationId);
  if (role !== 'editor' && role !== 'admin') {
    await addMember(ctx, REPORTS_PUBLISHER.email, organisationId, 'editor');
    actor = await actorForUser(ctx, user.id, ['read', 'write']);
  }
  return actor;
}
