import type { AppContext } from '../../../src/context.js';
import { createUser } from '../../../src/features/accounts/index.js';

// The data request journey's requester: a resident with a password, who asks Bolton Council
// for data that the council's editor (COUNCIL_EDITOR) then answers.

export const REQUESTER = {
  email: 'cyclist@example.net',
  password: 'winter cycling map 2026',
};

export async function createRequester(ctx: AppContext): Promise<void> {
  await createUser(ctx, { name: 'Chris Cyclist', ...REQUESTER });
}
