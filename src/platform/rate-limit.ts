import { sql } from 'kysely';
import type { Db } from './db/connect.js';
import { DomainError } from './errors.js';

// Fixed-window rate limits kept in the catalogue database, so every node counts the same
// attempts. One statement per hit: the upsert starts a new window or adds one to the current.

export interface RateLimit {
  /** What is limited and for whom: `report:address:203.0.113.9`, `signup:account:…`. */
  key: string;
  limit: number;
  windowS: number;
}

/** Counts one attempt; returns false when it is over the limit for the current window. */
export async function hitRateLimit(db: Db, rule: RateLimit, at = new Date()): Promise<boolean> {
  const nowIso = at.toISOString();
  const windowOpen = new Date(at.getTime() - rule.windowS * 1000).toISOString();
  const row = await db.kysely
    .insertInto('rate_limits')
    .values({ key: rule.key, window_start: nowIso, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // A window that has closed starts again at this attempt.
        window_start: sql<string>`CASE WHEN rate_limits.window_start <= ${windowOpen} THEN ${nowIso} ELSE rate_limits.window_start END`,
        count: sql<number>`CASE WHEN rate_limits.window_start <= ${windowOpen} THEN 1 ELSE rate_limits.count + 1 END`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  // PostgreSQL's driver may hand back a bigint as a string.
  return +String(row.count) <= rule.limit;
}

/** Like hitRateLimit, but throws the domain's rate_limited error with `message`. */
export async function enforceRateLimit(db: Db, rule: RateLimit, message: string): Promise<void> {
  if (!(await hitRateLimit(db, rule))) {
    throw new DomainError('rate_limited', 'rate_limited', message, {
      retry_after_seconds: rule.windowS,
    });
  }
}
