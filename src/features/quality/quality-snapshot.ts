import type { AppContext } from '../../context.js';
import { organisationSummaries, saveSnapshot } from './quality-aggregates.repository.js';

/** Records today's (UTC) totals of every organisation, for the trend; again today replaces. */
export async function snapshotOrganisations(ctx: AppContext, at = new Date()): Promise<number> {
  const day = at.toISOString().slice(0, 10);
  const summaries = await organisationSummaries(ctx.db.kysely, at.toISOString());
  for (const s of summaries) {
    await saveSnapshot(ctx.db.kysely, {
      organisation_id: s.organisation_id,
      day,
      datasets: s.datasets,
      stars_sum: s.stars_sum,
      total_sum: s.total_sum,
      broken_links: s.broken_links,
      stale: s.stale,
    });
  }
  return summaries.length;
}
