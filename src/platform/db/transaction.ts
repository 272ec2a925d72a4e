import type { Kysely } from 'kysely';
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
