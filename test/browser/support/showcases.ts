import type { AppContext } from '../../../src/context.js';
import { createUser } from '../../../src/features/accounts/index.js';

/** The site administrator of the showcases journey, who approves what people submit. */
export const SITE_ADMIN = {
  email: 'site.admin@example.gov.uk',
  password: 'site admin approves showcases',
};

export async function createSiteAdmin(ctx: AppContext): Promise<void> {
  await createUser(ctx, {
    email: SITE_ADMIN.email,
    name: 'Sita Admin',
    password: SITE_ADMIN.password,
    siteAdmin: true,
  });
}
