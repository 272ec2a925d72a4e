import type { Kysely, SelectQueryBuilder } from 'kysely';
import type {
  Database,
  NewReport,
  Report,
  ReportState,
  ReportStatus,
} from '../../platform/db/schema.js';

// The reports table's SQL: one report, the lists (public, a body's queue, a reporter's own),
// and reports near a point.

export async function insertReport(db: Kysely<Database>, report: NewReport): Promise<void> {
  await db.insertInto('reports').values(report).execute();
}

export function findReportRow(db: Kysely<Database>, id: string): Promise<Report | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findReportByConfirmToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<Report | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('confirm_token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function updateReportRow(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<Report, 'id'>>,
): Promise<void> {
  await db.updateTable('reports').set(changes).where('id', '=', id).execute();
}

export interface ReportFilter {
  /** Which states to include; the public sees confirmed only. */
  states: readonly ReportState[];
  organisationIds?: readonly string[] | undefined;
  categoryIds?: readonly string[] | undefined;
  statuses?: readonly ReportStatus[] | undefined;
  wardCodes?: readonly string[] | undefined;
  reporterUserId?: string | undefined;
  ids?: readonly string[] | undefined;
  /** ISO timestamps, on `created_at` (inclusive from, exclusive to). */
  from?: string | undefined;
  to?: string | undefined;
  /** On `updated_at`: reports changed since (feeds, the dataset). */
  updatedSince?: string | undefined;
  /** On `updated_at`: reports not changed since (the queue's "needs attention"). */
  updatedBefore?: string | undefined;
  bbox?: { minLon: number; minLat: number; maxLon: number; maxLat: number } | undefined;
}

function filtered(
  db: Kysely<Database>,
  f: ReportFilter,
): SelectQueryBuilder<Database, 'reports', object> {
  let q = db.selectFrom('reports').where('state', 'in', f.states);
  if (f.organisationIds) q = q.where('organisation_id', 'in', [...f.organisationIds, '']);
  if (f.categoryIds) q = q.where('category_id', 'in', [...f.categoryIds, '']);
  if (f.statuses) {
    // An empty list matches nothing (IN () is not SQL).
    q = f.statuses.length > 0 ? q.where('status', 'in', f.statuses) : q.where('id', '=', '');
  }
  if (f.wardCodes) q = q.where('ward_code', 'in', [...f.wardCodes, '']);
  if (f.reporterUserId) q = q.where('reporter_user_id', '=', f.reporterUserId);
  if (f.ids) q = q.where('id', 'in', [...f.ids, '']);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  if (f.updatedSince) q = q.where('updated_at', '>=', f.updatedSince);
  if (f.updatedBefore) q = q.where('updated_at', '<', f.updatedBefore);
  if (f.bbox) {
    q = q
      .where('longitude', '>=', f.bbox.minLon)
      .where('longitude', '<=', f.bbox.maxLon)
      .where('latitude', '>=', f.bbox.minLat)
      .where('latitude', '<=', f.bbox.maxLat);
  }
  return q;
}

export type ReportOrder = 'newest' | 'oldest' | 'updated';

export async function listReportRows(
  db: Kysely<Database>,
  f: ReportFilter,
  paging: { limit: number; offset: number; order: ReportOrder },
): Promise<{ total: number; rows: Report[] }> {
  const [count, rows] = await Promise.all([
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
    filtered(db, f)
      .selectAll()
      .orderBy(
        paging.order === 'updated' ? 'updated_at' : 'created_at',
        paging.order === 'oldest' ? 'asc' : 'desc',
      )
      .orderBy('id')
      .limit(paging.limit)
      .offset(paging.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** Reports of a category whose point lies in the box (the caller measures the distance). */
export function reportsInBox(
  db: Kysely<Database>,
  f: {
    categoryId: string;
    statuses: readonly ReportStatus[];
    box: NonNullable<ReportFilter['bbox']>;
  },
): Promise<Report[]> {
  return filtered(db, {
    states: ['confirmed'],
    categoryIds: [f.categoryId],
    statuses: f.statuses,
    bbox: f.box,
  })
    .selectAll()
    .limit(200)
    .execute();
}
