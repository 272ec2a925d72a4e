import type { AppContext } from '../../context.js';
import { judgedOf, NO_FIGURES, type BodyResponsiveness } from './body-responsiveness.js';
import { organisationSummaries, saveSnapshot } from './quality-aggregates.repository.js';

/** Records today's (UTC) totals of every organisation, for the trend; again today replaces. */
export async function snapshotOrganisations(
  ctx: AppContext,
  requests: BodyResponsiveness,
  at = new Date(),
): Promise<number> {
  const day = at.toISOString().slice(0, 10);
  const summaries = await organisationSummaries(ctx.db.kysely, at.toISOString());
  const figures = await requests(
    ctx,
    summaries.map((s) => s.organisation_id),
    at,
  );
  for (const s of summaries) {
    const f = figures.get(s.organisation_id) ?? NO_FIGURES;
    await saveSnapshot(ctx.db.kysely, {
      organisation_id: s.organisation_id,
      day,
      datasets: s.datasets,
      stars_sum: s.stars_sum,
      total_sum: s.total_sum,
      broken_links: s.broken_links,
      stale: s.stale,
      open_requests: f.open,
      overdue_requests: f.overdue,
      judged_requests: judgedOf(f),
      in_time_requests: f.answered_in_time,
    });
  }
  return summaries.length;
}
