import type { BodyResponsiveness, RequestFigures } from '../quality/index.js';
import { AWAITING, DECIDED } from './request-status.js';
import { awaitingCounts, firstDecisions } from './request-timeliness.repository.js';
import { isoDay, overdueCutoff, responseDue, workingDaysBetween } from './working-days.js';

// The quality scores' BodyResponsiveness port (app.ts wires it): per body, the requests open
// and overdue now, and over the last 12 months how many were decided, how many within the
// response target, and the median working days it took.

const YEAR_MS = 365 * 86_400_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export const bodyResponsiveness: BodyResponsiveness = async (ctx, organisationIds, now) => {
  const target = ctx.config.dataRequestResponseDays;
  const since = new Date(now.getTime() - YEAR_MS).toISOString();
  const [open, decided] = await Promise.all([
    awaitingCounts(ctx.db.kysely, organisationIds, AWAITING, overdueCutoff(now, target)),
    firstDecisions(ctx.db.kysely, organisationIds, DECIDED, since),
  ]);
  const days = new Map<string, number[]>();
  const inTime = new Map<string, number>();
  for (const r of decided) {
    const took = workingDaysBetween(new Date(r.created_at), new Date(r.decided_at));
    days.set(r.organisation_id, [...(days.get(r.organisation_id) ?? []), took]);
    const onTime = isoDay(new Date(r.decided_at)) <= responseDue(r.created_at, target);
    inTime.set(r.organisation_id, (inTime.get(r.organisation_id) ?? 0) + (onTime ? 1 : 0));
  }
  const out = new Map<string, RequestFigures>();
  for (const id of organisationIds) {
    const awaiting = open.find((o) => o.organisation_id === id);
    const took = days.get(id) ?? [];
    if (!awaiting && took.length === 0) continue;
    out.set(id, {
      open: awaiting?.open ?? 0,
      overdue: awaiting?.overdue ?? 0,
      answered: took.length,
      answered_in_time: inTime.get(id) ?? 0,
      median_days: median(took),
    });
  }
  return out;
};
