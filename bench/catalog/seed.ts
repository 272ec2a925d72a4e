import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../src/context.js';
import { actorForUser, createUser } from '../../src/features/accounts/index.js';
import { createDataset, addLinkResource } from '../../src/features/catalog/index.js';
import { createOrganisation } from '../../src/features/organisations/organisation.service.js';
import { inTransaction } from '../../src/platform/db/transaction.js';
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
 * `concurrency` > 1 only helps PostgreSQL: better-sqlite3 runs one statement at a time. With
 * `batch` > 1 each lane commits that many datasets at once (setting up a large catalogue
 * quickly; the catalogue benchmark times one commit per write, as the API makes them).
 */
export async function seedCatalogue(
  ctx: AppContext,
  plan: readonly PlannedDataset[],
  concurrency: number,
  progress: (done: number) => void,
  batch = 1,
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
  const batches = Array.from({ length: Math.ceil(plan.length / batch) }, (_, i) =>
    plan.slice(i * batch, (i + 1) * batch),
  );
  const commit = (work: (tx: AppContext) => Promise<void>) =>
    batch > 1 ? inTransaction(ctx, work) : work(ctx);
  await eachLimit(batches, concurrency, (datasets) =>
    commit(async (tx) => {
      for (const { input, resources: links } of datasets) {
        await createDataset(tx, actor, input);
        for (const link of links) await addLinkResource(tx, actor, input.slug, link);
        resources += links.length;
        if (++done % 1000 === 0) progress(done);
      }
    }),
  );
  return { datasets: done, resources, seconds: (performance.now() - started) / 1000 };
}
