import type { AppContext } from '../../context.js';
import type { Report, ReportPhoto, ReportStatus, ReportUpdate } from '../../platform/db/schema.js';
import { allOrganisations } from '../organisations/index.js';
import type { Answers } from './attributes.js';
import type { Category } from './category.service.js';
import { publicReporterName, type ReportDetail } from './report.service.js';
import { isOpenStatus, STATUS_LABELS } from './report-status.js';

// The public shape of a report, for the API, the pages, the feeds and the map. It is built from
// the row field by field, so nothing is public by accident: never the reporter's e-mail, phone,
// account or a name they did not choose to show, nor hidden photos and updates.

export interface BodyRef {
  slug: string;
  name: string;
}

/** Organisation id to slug and name: reports name their body by id. */
export type BodyLookup = ReadonlyMap<string, BodyRef>;

export async function bodyLookup(ctx: AppContext): Promise<BodyLookup> {
  return new Map(
    (await allOrganisations(ctx)).map((o) => [o.id, { slug: o.slug, name: o.name }] as const),
  );
}

const bodyOf = (bodies: BodyLookup, id: string): BodyRef =>
  bodies.get(id) ?? { slug: '', name: 'Unknown body' };

export interface PublicPhoto {
  url: string;
  width: number;
  height: number;
}

export interface PublicUpdate {
  id: string;
  status: ReportStatus | null;
  status_label: string | null;
  text: string;
  source: string;
  created_at: string;
  body: BodyRef | null;
}

export interface PublicReportSummary {
  id: string;
  url: string;
  category: { code: string; name: string; group: string };
  body: BodyRef;
  ward: { code: string; name: string } | null;
  latitude: number;
  longitude: number;
  address: string | null;
  description: string;
  attributes: Answers;
  status: ReportStatus;
  status_label: string;
  open: boolean;
  reporter_name: string | null;
  supporters_count: number;
  photos: PublicPhoto[];
  media_url: string | null;
  moderated: boolean;
  created_at: string;
  updated_at: string;
  fixed_at: string | null;
  duplicate_of: string | null;
}

export interface PublicReport extends PublicReportSummary {
  updates: PublicUpdate[];
}

export const reportUrl = (baseUrl: string, id: string) => `${baseUrl}/reports/${id}`;

/** A report without its updates: what a list shows. Photos: the visible ones only. */
export function publicReportSummary(
  baseUrl: string,
  report: Report,
  category: Category,
  bodies: BodyLookup,
  photos: readonly ReportPhoto[],
): PublicReportSummary {
  const url = reportUrl(baseUrl, report.id);
  return {
    id: report.id,
    url,
    category: { code: category.code, name: category.name, group: category.group },
    body: bodyOf(bodies, report.organisation_id),
    ward:
      report.ward_code === null
        ? null
        : { code: report.ward_code, name: report.ward_name ?? report.ward_code },
    latitude: report.latitude,
    longitude: report.longitude,
    address: report.address,
    description: report.description,
    attributes: JSON.parse(report.attributes) as Answers,
    status: report.status,
    status_label: STATUS_LABELS[report.status],
    open: isOpenStatus(report.status),
    reporter_name: publicReporterName(report),
    supporters_count: report.supporters_count,
    photos: photos
      .filter((p) => p.hidden === 0)
      .map((p) => ({ url: `${url}/photos/${p.id}.jpg`, width: p.width, height: p.height })),
    media_url: report.media_url,
    moderated: report.moderated === 1,
    created_at: report.confirmed_at ?? report.created_at,
    updated_at: report.updated_at,
    fixed_at: report.fixed_at,
    duplicate_of: report.duplicate_of,
  };
}

export function publicUpdate(update: ReportUpdate, bodies: BodyLookup): PublicUpdate {
  return {
    id: update.id,
    status: update.status,
    status_label: update.status === null ? null : STATUS_LABELS[update.status],
    text: update.text,
    source: update.source,
    created_at: update.created_at,
    body: update.organisation_id === null ? null : bodyOf(bodies, update.organisation_id),
  };
}

/** A whole report with its public updates, oldest first. */
export function publicReport(
  baseUrl: string,
  detail: ReportDetail,
  bodies: BodyLookup,
): PublicReport {
  return {
    ...publicReportSummary(baseUrl, detail.report, detail.category, bodies, detail.photos),
    updates: detail.updates.filter((u) => u.hidden === 0).map((u) => publicUpdate(u, bodies)),
  };
}
