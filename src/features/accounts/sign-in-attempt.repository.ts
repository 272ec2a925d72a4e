import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** When the next attempt may come after the n-th failure: `steps[n - 1]`, then `after`. */
export interface BackOffTimes {
  steps: string[];
  after: string;
}

/** `blocked_until` for a failure count: a CASE over the precomputed times (portable SQL). */
function blockedUntil(failures: RawBuilder<number>, times: BackOffTimes): RawBuilder<string> {
  const whens = times.steps.map((at, i) => sql`WHEN ${failures} = ${sql.lit(i + 1)} THEN ${at}`);
  return sql<string>`CASE ${sql.join(whens, sql` `)} ELSE ${times.after} END`;
}

/**
 * Reserves one attempt under `key`, atomically: one upsert that counts the attempt as a failure
 * and sets the back-off, and does nothing while the key is blocked. Parallel requests therefore
 * cannot all pass the check (SQLite serialises the writes; PostgreSQL locks the row). Returns the
 * failure count including this attempt, or null when the key is blocked. A count whose last
 * attempt is older than `staleBefore` starts again from one.
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  key: string,
  at: string,
  staleBefore: string,
  times: BackOffTimes,
): Promise<number | null> {
  const next = sql<number>`CASE WHEN sign_in_attempts.updated_at < ${staleBefore} THEN 1 ELSE sign_in_attempts.failures + 1 END`;
  const row = await db
    .insertInto('sign_in_attempts')
    .values({
      key,
      failures: 1,
      blocked_until: blockedUntil(sql<number>`1`, times),
      updated_at: at,
    })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ failures: next, blocked_until: blockedUntil(next, times), updated_at: at })
        .where('sign_in_attempts.blocked_until', '<=', at),
    )
    .returning('failures')
    .executeTakeFirst();
  return row ? row.failures : null;
}

/** When a blocked key may try again. */
export async function blockedUntilOf(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select('blocked_until')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.blocked_until ?? null;
}

/** Takes back a reservation that was not a failure (the attempt never reached the password). */
export async function releaseAttempt(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('sign_in_attempts')
    .set({ failures: sql`failures - 1` })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function clearAttempts(db: Kysely<Database>, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom('sign_in_attempts').where('key', 'in', keys).execute();
}

export async function isKnownAddress(
  db: Kysely<Database>,
  userId: string,
  address: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_addresses')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('address', '=', address)
    .executeTakeFirst();
  return row !== undefined;
}

export async function rememberAddress(
  db: Kysely<Database>,
  userId: string,
  address: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('sign_in_addresses')
    .values({ user_id: userId, address, last_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'address']).doUpdateSet({ last_at: at }))
    .execute();
}
