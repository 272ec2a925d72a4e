import { addMemberToOrganisation } from '../../../src/features/organisations/index.js';
import type { AppContext } from '../../../src/context.js';
import { createUser } from '../../../src/features/accounts/index.js';

/** The data officer of the journeys: an admin of the combined authority (manages members too). */
export const PUBLISHER = {
  email: 'data.officer@example.gov.uk',
  password: 'correct horse battery staple',
  organisation: 'gmca',
};

export async function createPublisher(ctx: AppContext): Promise<void> {
  await createUser(ctx, {
    email: PUBLISHER.email,
    name: 'Dana Officer',
    password: PUBLISHER.password,
  });
  await addMemberToOrganisation(ctx, PUBLISHER.email, PUBLISHER.organisation, 'admin');
}
