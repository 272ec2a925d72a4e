import type { AppContext } from '../../context.js';
import { createUser, findUser, type Actor } from '../../features/accounts/index.js';
import { importRequests } from '../../features/data-requests/index.js';
import { DEMO_REQUESTS, DEMO_RESIDENTS } from './demo-requests.js';

/**
 * The demo's synthetic data requests, with their made-up requesters and supporters (accounts
 * without a password: no one signs in as them). Returns how many requests it wrote.
 */
export async function seedDataRequests(ctx: AppContext, actor: Actor): Promise<number> {
  for (const r of DEMO_RESIDENTS) {
    if (!(await findUser(ctx, r.email))) await createUser(ctx, { email: r.email, name: r.name });
  }
  return importRequests(ctx, actor, DEMO_REQUESTS);
}
