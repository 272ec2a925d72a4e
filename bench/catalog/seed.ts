import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../src/context.js';
import { actorForUser, createUser } from '../../src/features/accounts/index.js';
import { createDataset, addLinkResource } from '../../src/features/catalog/index.js';
import { createOrganisation } from '../../src/features/organisations/organisation.service.js';
import { ORGANISATIONS } from './organisations.js';
import type { PlannedDataset } from './plan.js';

export interface SeedStats {
  datasets: number;
  resources: number;
  seconds: number;
}

/** Runs `work` over `items` with at most `limit` in flight, in order of starting. */
async function eachLimit<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, i: number) => Promise<void>,
) {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, lane));
}

/**
 * Writes the planned catalogue through the same service functions the API calls, so the rows,
 * the activity log and the full-text index look exactly as they would in production.
 * `concurrency` > 1 only helps PostgreSQL: better-sqlite3 runs one statement at a time.
 */
export async function seedCatalogue(
  ctx: AppContext,
  plan: readonly PlannedDataset[],
  concurrency: number,
  progress: (done: number) => void,
): Promise<SeedStats> {
  const started = performance.now();
  for (const { slug, name, kind } of ORGANISATIONS) {
    await createOrganisation(ctx, null, { slug, name, kind });
  }
  const admin = await createUser(ctx, {
    email: 'bench@example.org',
    name: 'Bench',
    siteAdmin: true,
  });
  const actor = await actorForUser(ctx, admin.id, ['read', 'write']);
  let done = 0;
  let resources = 0;
  await eachLimit(plan, concurrency, async ({ input, resources: links }) => {
    await createDataset(ctx, actor, input);
    for (const link of links) await addLinkResource(ctx, actor, input.slug, link);
    resources += links.length;
    if (++done % 1000 === 0) progress(done);
  });
  return { datasets: done, resources, seconds: (performance.now() - started) / 1000 };
}
