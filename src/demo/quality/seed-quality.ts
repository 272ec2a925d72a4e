import type { AppContext } from '../../context.js';
import type { Actor } from '../../features/accounts/index.js';
import { bodyResponsiveness } from '../../features/data-requests/index.js';
import { rescorePass } from '../../features/quality/index.js';
import { seedLegacyDatasets } from './legacy-datasets.js';

/**
 * Adds a few datasets published the old way (legacy-datasets.ts; how many is returned), then
 * scores the demo's datasets and records today's snapshot per body (with its data requests,
 * seeded before). No link is checked here
 * (seeding must not touch the network and must give the same result every time): the demo's
 * links show as "not checked yet" until the link checker's first pass.
 */
export async function seedQuality(ctx: AppContext, actor: Actor): Promise<number> {
  const added = await seedLegacyDatasets(ctx, actor);
  await rescorePass(ctx, bodyResponsiveness);
  return added;
}
