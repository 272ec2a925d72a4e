import type { AppContext } from '../../context.js';
import { rescorePass } from '../../features/quality/index.js';

/**
 * Scores the demo's datasets and records today's snapshot per body. No link is checked here
 * (seeding must not touch the network and must give the same result every time): the demo's
 * links show as "not checked yet" until the link checker's first pass.
 */
export async function seedQuality(ctx: AppContext): Promise<number> {
  return rescorePass(ctx);
}
