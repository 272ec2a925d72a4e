import type { Kysely } from 'kysely';
import type { Database, ReportSupporter } from '../../platform/db/schema.js';

// "Me too" rows: one per e-mail per report (the table's unique constraint), and the count on
// the report kept equal to its confirmed rows.

export function findSupporter(
  db: Kysely<Database>,
  reportId: string,
  email: string,
): Promise<ReportSupporter | undefined> {
  return db
    .selectFrom('report_supporters')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('email', '=', email)
    .executeTakeFirst();
}

export function findSupporterByToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ReportSupporter | undefined> {
  return db
    .selectFrom('report_supporters')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Adds the row unless that e-mail already has one for the report; true when added. */
export async function insertSupporter(
  db: Kysely<Database>,
  row: ReportSupporter,
): Promise<boolean> {
  const result = await db
    .insertInto('report_supporters')
    .values(row)
    .onConflict((oc) => oc.columns(['report_id', 'email']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateSupporter(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<ReportSupporter, 'id' | 'report_id' | 'email'>>,
): Promise<void> {
  await db.updateTable('report_supporters').set(changes).where('id', '=', id).execute();
}

/** Sets the report's count from its confirmed supporters; returns it. */
export async function recountSupporters(db: Kysely<Database>, reportId: string): Promise<number> {
  await db
    .updateTable('reports')
    .set((eb) => ({
      supporters_count: eb
        .selectFrom('report_supporters')
        .select((s) => s.fn.countAll<number>().as('n'))
        .where('report_supporters.report_id', '=', reportId)
        .where('report_supporters.confirmed', '=', 1),
    }))
    .where('id', '=', reportId)
    .execute();
  const row = await db
    .selectFrom('reports')
    .select('supporters_count')
    .where('id', '=', reportId)
    .executeTakeFirst();
  return row?.supporters_count ?? 0;
}
