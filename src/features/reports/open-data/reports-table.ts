import type { ReportSource, ReportStatus } from '../../../platform/db/schema.js';
import { isOpenStatus, STATUS_LABELS } from '../report-status.js';

// The "Citizen reports" table: one row per public report, anonymised. Only what the public
// report page shows anyway, minus the reporter: no names, e-mails, phones, user ids, addresses
// (typed by the reporter) or attribute answers; a moderated description is left empty, since a
// moderator changed or hid something in it.

/** The table's columns in order, with their DuckDB types (the Parquet file's schema). */
export const REPORT_COLUMNS = [
  ['id', 'VARCHAR'],
  ['url', 'VARCHAR'],
  ['category_code', 'VARCHAR'],
  ['category', 'VARCHAR'],
  ['category_group', 'VARCHAR'],
  ['body', 'VARCHAR'],
  ['body_name', 'VARCHAR'],
  ['borough', 'VARCHAR'],
  ['ward_code', 'VARCHAR'],
  ['ward_name', 'VARCHAR'],
  ['latitude', 'DOUBLE'],
  ['longitude', 'DOUBLE'],
  ['status', 'VARCHAR'],
  ['status_label', 'VARCHAR'],
  ['is_open', 'BIGINT'],
  ['created_at', 'TIMESTAMP'],
  ['status_changed_at', 'TIMESTAMP'],
  ['fixed_at', 'TIMESTAMP'],
  ['days_to_fixed', 'DOUBLE'],
  ['supporters_count', 'BIGINT'],
  ['update_count', 'BIGINT'],
  ['photo_count', 'BIGINT'],
  ['source', 'VARCHAR'],
  ['description', 'VARCHAR'],
] as const;

export type ReportColumn = (typeof REPORT_COLUMNS)[number][0];
export type ReportRow = Record<ReportColumn, string | number | null>;

/** A confirmed report as the repository reads it: the report's public columns, joined. */
export interface PublicReportRecord {
  id: string;
  category_code: string;
  category_name: string;
  category_group: string;
  body_slug: string;
  body_name: string;
  body_kind: string;
  ward_code: string | null;
  ward_name: string | null;
  latitude: number;
  longitude: number;
  status: ReportStatus;
  confirmed_at: string | null;
  created_at: string;
  status_changed_at: string;
  fixed_at: string | null;
  supporters_count: number;
  update_count: number;
  photo_count: number;
  source: ReportSource;
  moderated: number;
  description: string;
}

const DAY_MS = 86_400_000;

/** Days from confirmation to the fix, to a hundredth of a day (about a quarter of an hour). */
export function daysBetween(from: string, to: string): number {
  return Math.round(((Date.parse(to) - Date.parse(from)) / DAY_MS) * 100) / 100;
}

/** One report's row; `borough` is the council whose boundary holds the point (null outside any). */
export function reportRow(
  r: PublicReportRecord,
  borough: string | null,
  baseUrl: string,
): ReportRow {
  const confirmed = r.confirmed_at ?? r.created_at;
  const fixed = r.status === 'fixed' ? r.fixed_at : null;
  return {
    id: r.id,
    url: `${baseUrl}/reports/${r.id}`,
    category_code: r.category_code,
    category: r.category_name,
    category_group: r.category_group,
    body: r.body_slug,
    body_name: r.body_name,
    borough,
    ward_code: r.ward_code,
    ward_name: r.ward_name,
    latitude: r.latitude,
    longitude: r.longitude,
    status: r.status,
    status_label: STATUS_LABELS[r.status],
    is_open: isOpenStatus(r.status) ? 1 : 0,
    created_at: confirmed,
    status_changed_at: r.status_changed_at,
    fixed_at: fixed,
    days_to_fixed: fixed ? daysBetween(confirmed, fixed) : null,
    supporters_count: r.supporters_count,
    update_count: r.update_count,
    photo_count: r.photo_count,
    source: r.source,
    description: r.moderated === 1 ? null : r.description,
  };
}

/** A row as a line of newline-delimited JSON, its keys in the table's column order. */
export function ndjsonLine(row: ReportRow): string {
  const ordered: Record<string, string | number | null> = {};
  for (const [name] of REPORT_COLUMNS) ordered[name] = row[name];
  return `${JSON.stringify(ordered)}\n`;
}
