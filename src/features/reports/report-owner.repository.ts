import type { Kysely } from 'kysely';
import type { Database, Report } from '../../platform/db/schema.js';

// A reporter's own reports, with the names of their category and body for the list.

export interface OwnReportRow extends Report {
  category_code: string;
  category_name: string;
  organisation_slug: string;
  organisation_name: string;
}

function ownQuery(db: Kysely<Database>) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .selectAll('r')
    .select([
      'c.code as category_code',
      'c.name as category_name',
      'o.slug as organisation_slug',
      'o.name as organisation_name',
    ]);
}

/** A page of the reports made by this user, newest first (every state: they are theirs). */
export async function listOwnReportRows(
  db: Kysely<Database>,
  userId: string,
  paging: { limit: number; offset: number },
): Promise<{ total: number; rows: OwnReportRow[] }> {
  const [count, rows] = await Promise.all([
    db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('reporter_user_id', '=', userId)
      .executeTakeFirstOrThrow(),
    ownQuery(db)
      .where('r.reporter_user_id', '=', userId)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .limit(paging.limit)
      .offset(paging.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export function findOwnReportRow(
  db: Kysely<Database>,
  id: string,
): Promise<OwnReportRow | undefined> {
  return ownQuery(db).where('r.id', '=', id).executeTakeFirst();
}
