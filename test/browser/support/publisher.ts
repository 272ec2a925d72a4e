import type { AppContext } from '../../../src/context.js';
import { addMember, createUser } from '../../../src/features/accounts/user.service.js';

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
  await addMember(ctx, PUBLISHER.email, PUBLISHER.organisation, 'admin');
}
