import { sql, type Kysely } from 'kysely';
import type { Database, DataRequestStatus } from '../../platform/db/schema.js';

// What a body's responsiveness is computed from. Every request is public (moderation hides
// comments, never a request), so every request counts; comments never answer one.

type Db = Kysely<Database>;

/** Per body: its requests awaiting a decision, and those of them made before `overdueBefore`. */
export async function awaitingCounts(
  db: Db,
  organisationIds: readonly string[],
  awaiting: readonly DataRequestStatus[],
  overdueBefore: string,
) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('data_requests')
    .select((eb) => [
      'organisation_id',
      eb.fn.countAll<number | string>().as('open'),
      sql<number | string>`sum(case when created_at < ${overdueBefore} then 1 else 0 end)`.as(
        'overdue',
      ),
    ])
    .where('organisation_id', 'in', [...organisationIds])
    .where('status', 'in', [...awaiting])
    .groupBy('organisation_id')
    .execute();
  // PostgreSQL answers counts and sums as text (bigint).
  return rows.map((r) => ({
    organisation_id: r.organisation_id,
    open: Number(r.open),
    overdue: Number(r.overdue),
  }));
}

/** The requests made since `since` that were decided, each with the time of its first decision. */
export function firstDecisions(
  db: Db,
  organisationIds: readonly string[],
  decided: readonly DataRequestStatus[],
  since: string,
): Promise<{ organisation_id: string; created_at: string; decided_at: string }[]> {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('data_requests as r')
    .innerJoin('data_request_status_changes as h', 'h.request_id', 'r.id')
    .select((eb) => [
      'r.organisation_id',
      'r.created_at',
      eb.fn.min<string>('h.created_at').as('decided_at'),
    ])
    .where('r.organisation_id', 'in', [...organisationIds])
    .where('r.created_at', '>=', since)
    .where('h.to_status', 'in', [...decided])
    .groupBy(['r.id', 'r.organisation_id', 'r.created_at'])
    .execute();
}
