import type { Kysely } from 'kysely';
import type { Database, ReportPhoto, ReportUpdate } from '../../platform/db/schema.js';

// The public side's reads beyond one report: a page of reports' photos at once, the wards that
// have reports (the area filter), and the newest updates of public reports (the feeds).

/** The visible photos of these reports, in their order. */
export function visiblePhotoRowsOf(
  db: Kysely<Database>,
  reportIds: readonly string[],
): Promise<ReportPhoto[]> {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_photos')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .where('hidden', '=', 0)
    .orderBy('report_id')
    .orderBy('position')
    .execute();
}

/** The wards public reports lie in: the area filter offers these. */
export function reportWardRows(
  db: Kysely<Database>,
): Promise<{ ward_code: string; ward_name: string | null }[]> {
  return db
    .selectFrom('reports')
    .select(['ward_code', 'ward_name'])
    .where('state', '=', 'confirmed')
    .where('ward_code', 'is not', null)
    .groupBy(['ward_code', 'ward_name'])
    .orderBy('ward_name')
    .execute() as Promise<{ ward_code: string; ward_name: string | null }[]>;
}

export interface UpdateScope {
  organisationIds?: readonly string[] | undefined;
  wardCodes?: readonly string[] | undefined;
  categoryIds?: readonly string[] | undefined;
}

/** The newest visible updates of confirmed reports in the scope, newest first. */
export function recentUpdateRows(
  db: Kysely<Database>,
  scope: UpdateScope,
  limit: number,
): Promise<ReportUpdate[]> {
  let q = db
    .selectFrom('report_updates as u')
    .innerJoin('reports as r', 'r.id', 'u.report_id')
    .selectAll('u')
    .where('r.state', '=', 'confirmed')
    .where('u.hidden', '=', 0);
  if (scope.organisationIds) q = q.where('r.organisation_id', 'in', [...scope.organisationIds, '']);
  if (scope.wardCodes) q = q.where('r.ward_code', 'in', [...scope.wardCodes, '']);
  if (scope.categoryIds) q = q.where('r.category_id', 'in', [...scope.categoryIds, '']);
  return q.orderBy('u.created_at', 'desc').orderBy('u.id').limit(limit).execute();
}

/** Every public report's id and last change (the sitemap). */
export function publicReportStamps(
  db: Kysely<Database>,
): Promise<{ id: string; updated_at: string }[]> {
  return db
    .selectFrom('reports')
    .select(['id', 'updated_at'])
    .where('state', '=', 'confirmed')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}
