import type { Kysely } from 'kysely';
import type {
  Database,
  Report,
  ReportPhoto,
  ReportStatus,
  ReportUpdate,
} from '../../platform/db/schema.js';

// The SQL behind reports as Open311 service requests: the public parts several reports need at
// once (their latest public update, their first visible photo), the updates of a time window,
// and finding a report by the id a body's own system gave it.

/** Each report's latest visible update that has words (Open311 `status_notes`). */
export async function latestPublicNotes(
  db: Kysely<Database>,
  reportIds: readonly string[],
): Promise<Map<string, ReportUpdate>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('report_updates')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .where('hidden', '=', 0)
    .where('text', '<>', '')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  // Ordered oldest first, so the last one written for a report is its latest.
  return new Map(rows.map((r) => [r.report_id, r] as const));
}

/** Each report's first visible photo. */
export async function firstVisiblePhotos(
  db: Kysely<Database>,
  reportIds: readonly string[],
): Promise<Map<string, ReportPhoto>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('report_photos')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .where('hidden', '=', 0)
    .orderBy('position', 'desc')
    .execute();
  // Ordered last first, so the first photo is the one written last.
  return new Map(rows.map((r) => [r.report_id, r] as const));
}

export interface UpdateWithReport {
  update: ReportUpdate;
  reportStatus: ReportStatus;
}

/** Visible updates of public reports made in [from, to), oldest first. */
export async function publicUpdatesBetween(
  db: Kysely<Database>,
  window: { from: string; to: string; limit: number },
): Promise<UpdateWithReport[]> {
  const rows = await db
    .selectFrom('report_updates as u')
    .innerJoin('reports as r', 'r.id', 'u.report_id')
    .selectAll('u')
    .select('r.status as report_status')
    .where('r.state', '=', 'confirmed')
    .where('u.hidden', '=', 0)
    .where('u.created_at', '>=', window.from)
    .where('u.created_at', '<', window.to)
    .orderBy('u.created_at')
    .orderBy('u.id')
    .limit(window.limit)
    .execute();
  return rows.map(({ report_status, ...update }) => ({ update, reportStatus: report_status }));
}

export function findUpdateByExternalId(
  db: Kysely<Database>,
  reportId: string,
  externalId: string,
): Promise<ReportUpdate | undefined> {
  return db
    .selectFrom('report_updates')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** The report a body's system knows by this service_request_id (reports sent to that body). */
export function findReportByExternalId(
  db: Kysely<Database>,
  organisationId: string,
  externalId: string,
): Promise<Report | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** Reports of a route sent but known to the body's system by a token only, so far. */
export function reportsAwaitingExternalId(
  db: Kysely<Database>,
  route: { category_id: string; organisation_id: string },
): Promise<Report[]> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('category_id', '=', route.category_id)
    .where('organisation_id', '=', route.organisation_id)
    .where('send_state', '=', 'sent')
    .where('external_id', 'is', null)
    .limit(500)
    .execute();
}
