import type { AppContext } from '../../../src/context.js';
import { createUser } from '../../../src/features/accounts/index.js';

/** A resident of the challenge journey: signs in with a password, belongs to no organisation. */
export const CHALLENGE_RESIDENT = {
  email: 'ada.entrant@example.net',
  password: 'correct horse battery staple',
};

export async function createChallengeResident(ctx: AppContext): Promise<void> {
  await createUser(ctx, { ...CHALLENGE_RESIDENT, name: 'Ada Entrant' });
}
