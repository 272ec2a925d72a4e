import type { AppContext } from '../../context.js';
import type { ReportPhoto } from '../../platform/db/schema.js';
import { pageOf, type PageInput } from '../../platform/paging.js';
import type { Actor } from '../accounts/index.js';
import { listReportRows } from './report.repository.js';
import { getReport } from './report.service.js';
import { resolveFilter, type PublicReportQuery, type ResolvedFilter } from './report-filter.js';
import { publicReportStamps, visiblePhotoRowsOf } from './public-report.repository.js';
import {
  bodyLookup,
  publicReport,
  publicReportSummary,
  type PublicReport,
  type PublicReportSummary,
} from './report.view.js';

// Reports as the public sees them: confirmed ones, in their public shape (report.view.ts),
// whoever asks. The body's staff handle hidden ones on their own pages.

export interface PublicReportPage {
  total: number;
  page: number;
  per_page: number;
  results: PublicReportSummary[];
}

/** A page of public reports matching the filters, and the filter as read. */
export async function listPublicReports(
  ctx: AppContext,
  query: PublicReportQuery & PageInput,
): Promise<PublicReportPage & { resolved: ResolvedFilter }> {
  const resolved = await resolveFilter(ctx, query);
  const { page, per_page } = pageOf(query);
  const [{ total, rows }, bodies] = await Promise.all([
    listReportRows(ctx.db.kysely, resolved.filter, {
      limit: per_page,
      offset: (page - 1) * per_page,
      order: resolved.order,
    }),
    bodyLookup(ctx),
  ]);
  const photos = await visiblePhotoRowsOf(
    ctx.db.kysely,
    rows.map((r) => r.id),
  );
  const photosOf = new Map<string, ReportPhoto[]>();
  for (const p of photos) photosOf.set(p.report_id, [...(photosOf.get(p.report_id) ?? []), p]);
  const categories = new Map(resolved.categories.map((c) => [c.id, c] as const));
  const results = rows.flatMap((row) => {
    const category = categories.get(row.category_id);
    return category
      ? [publicReportSummary(ctx.config.baseUrl, row, category, bodies, photosOf.get(row.id) ?? [])]
      : [];
  });
  return { total, page, per_page, results, resolved };
}

/**
 * One report in its public shape; 404 unless the asker may see it (confirmed: everyone; hidden:
 * its body's staff). `staff` says the asker handles it for its body.
 */
export async function getPublicReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ report: PublicReport; staff: boolean; hidden: boolean }> {
  const [detail, bodies] = await Promise.all([getReport(ctx, actor, id), bodyLookup(ctx)]);
  return {
    report: publicReport(ctx.config.baseUrl, detail, bodies),
    staff: detail.staff,
    hidden: detail.report.state !== 'confirmed',
  };
}

/** The public reports' pages, for the sitemap. */
export async function reportLocations(ctx: AppContext) {
  return (await publicReportStamps(ctx.db.kysely)).map((r) => ({
    path: `/reports/${r.id}`,
    lastmod: r.updated_at,
  }));
}
