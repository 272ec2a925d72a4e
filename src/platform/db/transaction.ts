import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Db } from './connect.js';

/**
 * Runs `work` in one transaction, handing it a context whose database is that transaction, so
 * the services of several features write together and commit or roll back as one. Inside a
 * transaction already, it joins it.
 */
export function inTransaction<C extends { db: Db }, T>(
  ctx: C,
  work: (tx: C) => Promise<T>,
): Promise<T> {
  if (ctx.db.kysely.isTransaction) return work(ctx);
  return ctx.db.kysely
    .transaction()
    .execute((trx) => work({ ...ctx, db: { ...ctx.db, kysely: trx } }));
}

/** Runs `work` in a transaction on `k`, or in the one `k` already is (a service called inside another's). */
export function joinTransaction<T>(
  k: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return k.isTransaction ? work(k) : k.transaction().execute(work);
}

/**
 * Runs `work` inside the transaction `k` is in, undoing only its own writes if it throws (a
 * savepoint), so one failing item of a batch leaves the batch's other writes to commit.
 */
export async function withSavepoint<T>(k: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  if (!k.isTransaction) throw new Error('withSavepoint needs a transaction');
  await sql`SAVEPOINT item`.execute(k);
  try {
    const result = await work();
    await sql`RELEASE SAVEPOINT item`.execute(k);
    return result;
  } catch (err) {
    await sql`ROLLBACK TO SAVEPOINT item`.execute(k);
    await sql`RELEASE SAVEPOINT item`.execute(k);
    throw err;
  }
}

/**
 * Whether `err` is PostgreSQL refusing a write because a concurrent transaction got there first
 * (a unique value it had just taken, a deadlock): trying the work again, on what that
 * transaction committed, can succeed.
 */
export function isRaceLost(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === '40P01';
}
