import type { AppContext } from '../../context.js';
import type { Report, ReportStatus, ReportUpdate } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { allOrganisations } from '../organisations/index.js';
import { listCategories, type Category } from './category.service.js';
import { listReportRows } from './report.repository.js';
import { isOpenStatus, STATUSES } from './report-status.js';
import {
  findUpdateByExternalId,
  firstVisiblePhotos,
  latestPublicNotes,
  publicUpdatesBetween,
} from './service-requests.repository.js';

// Reports as the public may read them over Open311 (and other open outputs): only confirmed
// reports, and only what is public about them. The shape has no field for the reporter's
// e-mail, name or phone, so no writer built on it can leak them.

export interface PublicServiceRequest {
  id: string;
  status: ReportStatus;
  /** The latest visible update's words. */
  statusNotes: string | null;
  categoryCode: string;
  categoryName: string;
  description: string;
  /** The name of the body the report was routed to. */
  agency: string;
  requestedAt: string;
  updatedAt: string;
  address: string | null;
  lat: number;
  lon: number;
  /** The first visible photo's public URL, else the link the client gave. */
  mediaUrl: string | null;
}

export interface ServiceRequestQuery {
  /** Exactly these reports (Open311: it overrides every other filter). */
  ids?: readonly string[] | undefined;
  categoryCode?: string | undefined;
  /** On the time the report was made: from inclusive, to exclusive (ISO). */
  from?: string | undefined;
  to?: string | undefined;
  open311Status?: readonly ('open' | 'closed')[] | undefined;
  limit: number;
}

export const photoUrl = (ctx: AppContext, reportId: string, photoId: string) =>
  `${ctx.config.baseUrl}/reports/${reportId}/photos/${photoId}.jpg`;

function statusesFor(open311: readonly ('open' | 'closed')[]): ReportStatus[] {
  return STATUSES.filter((s) => open311.includes(isOpenStatus(s) ? 'open' : 'closed'));
}

async function toPublic(ctx: AppContext, rows: Report[]): Promise<PublicServiceRequest[]> {
  const ids = rows.map((r) => r.id);
  const [categories, organisations, notes, photos] = await Promise.all([
    listCategories(ctx),
    allOrganisations(ctx),
    latestPublicNotes(ctx.db.kysely, ids),
    firstVisiblePhotos(ctx.db.kysely, ids),
  ]);
  const categoryById = new Map(categories.map((c) => [c.id, c] as const));
  const orgName = new Map(organisations.map((o) => [o.id, o.name] as const));
  return rows.map((r) => {
    const category: Category | undefined = categoryById.get(r.category_id);
    const photo = photos.get(r.id);
    return {
      id: r.id,
      status: r.status,
      statusNotes: notes.get(r.id)?.text ?? null,
      categoryCode: category?.code ?? '',
      categoryName: category?.name ?? '',
      description: r.description,
      agency: orgName.get(r.organisation_id) ?? '',
      requestedAt: r.confirmed_at ?? r.created_at,
      updatedAt: r.updated_at,
      address: r.address,
      lat: r.latitude,
      lon: r.longitude,
      mediaUrl: photo ? photoUrl(ctx, r.id, photo.id) : r.media_url,
    };
  });
}

/** Public reports matching the query, newest first. */
export async function listServiceRequests(
  ctx: AppContext,
  query: ServiceRequestQuery,
): Promise<PublicServiceRequest[]> {
  let categoryIds: string[] | undefined;
  if (query.categoryCode !== undefined && !query.ids) {
    const code = query.categoryCode;
    categoryIds = (await listCategories(ctx)).filter((c) => c.code === code).map((c) => c.id);
  }
  const { rows } = await listReportRows(
    ctx.db.kysely,
    query.ids
      ? { states: ['confirmed'], ids: query.ids }
      : {
          states: ['confirmed'],
          categoryIds,
          from: query.from,
          to: query.to,
          statuses: query.open311Status ? statusesFor(query.open311Status) : undefined,
        },
    { limit: query.limit, offset: 0, order: 'newest' },
  );
  return toPublic(ctx, rows);
}

/** One public report, or not found. */
export async function getServiceRequest(
  ctx: AppContext,
  id: string,
): Promise<PublicServiceRequest> {
  const [found] = await listServiceRequests(ctx, { ids: [id], limit: 1 });
  if (!found) throw notFound(`Service request ${id}`);
  return found;
}

export interface PublicReportUpdate {
  id: string;
  reportId: string;
  /** The status the update set, else the report's current one. */
  status: ReportStatus;
  text: string;
  at: string;
  mediaUrl: string | null;
}

const publicUpdate = (update: ReportUpdate, fallback: ReportStatus): PublicReportUpdate => ({
  id: update.id,
  reportId: update.report_id,
  status: update.status ?? fallback,
  text: update.text,
  at: update.created_at,
  mediaUrl: null,
});

/** The visible updates of public reports in a window, oldest first. */
export async function listPublicUpdates(
  ctx: AppContext,
  window: { from: string; to: string; limit: number },
): Promise<PublicReportUpdate[]> {
  const rows = await publicUpdatesBetween(ctx.db.kysely, window);
  return rows.map((r) => publicUpdate(r.update, r.reportStatus));
}

/** An update of a report as public, looked up by the id the body's system gave it. */
export async function publicUpdateByExternalId(
  ctx: AppContext,
  report: { id: string; status: ReportStatus },
  externalId: string,
): Promise<PublicReportUpdate | null> {
  const found = await findUpdateByExternalId(ctx.db.kysely, report.id, externalId);
  return found ? publicUpdate(found, report.status) : null;
}
