import type { Static } from 'typebox';
import type { OwnReport as OwnReportSchema } from './report-owner.schemas.js';
import type { OwnReport } from './report-owner.service.js';
import { STATUS_LABELS } from './report-status.js';
import { publicReporterName } from './report.service.js';

/** One of the reporter's reports as the API and the pages show it to them. */
export function ownReportJson(own: OwnReport, baseUrl: string): Static<typeof OwnReportSchema> {
  const r = own.report;
  return {
    id: r.id,
    url: `${baseUrl}/reports/${r.id}`,
    category: { code: r.category_code, name: r.category_name },
    body: { slug: r.organisation_slug, name: r.organisation_name },
    status: r.status,
    status_label: STATUS_LABELS[r.status],
    state: r.state,
    description: r.description,
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    ward: r.ward_name ? { code: r.ward_code, name: r.ward_name } : null,
    show_name: r.show_name === 1,
    anonymised: r.anonymised === 1,
    public_name: publicReporterName(r),
    supporters_count: r.supporters_count,
    created_at: r.created_at,
    confirmed_at: r.confirmed_at,
    updated_at: r.updated_at,
    fixed_at: r.fixed_at,
    editable_until: own.editableUntil,
    reopenable_until: own.reopenableUntil,
  };
}
