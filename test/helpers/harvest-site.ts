import { actorForUser, createUser, type Actor } from '../../src/features/accounts/index.js';
import { createOrganisation } from '../../src/features/organisations/index.js';
import { createTestContext, type TestContext } from './context.js';

export interface HarvestingSite {
  ctx: TestContext;
  /** A site administrator, who may manage every organisation's sources. */
  admin: Actor;
}

/**
 * A site that harvests into the combined authority (`gmca`), allowed to reach loopback, where
 * tests start the portals they harvest.
 */
export async function harvestingSite(): Promise<HarvestingSite> {
  const ctx = await createTestContext({ outboundAllowedPrivate: '127.0.0.1' });
  await createOrganisation(ctx, null, {
    slug: 'gmca',
    name: 'Combined Authority',
    kind: 'combined-authority',
  });
  const user = await createUser(ctx, {
    email: 'admin@example.org',
    name: 'Admin',
    siteAdmin: true,
  });
  return { ctx, admin: await actorForUser(ctx, user.id, ['read', 'write']) };
}
