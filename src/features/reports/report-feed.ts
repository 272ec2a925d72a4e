import type { AppContext } from '../../context.js';
import { atomFeed, tagUri, type AtomEntry } from '../../platform/views/atom.js';
import { xml } from '../../platform/views/xml.js';
import { findReportRow, listReportRows } from './report.repository.js';
import { resolveFilter } from './report-filter.js';
import { recentUpdateRows } from './public-report.repository.js';
import { bodyLookup, publicReportSummary, reportUrl } from './report.view.js';
import { STATUS_LABELS } from './report-status.js';

// The Atom feed of public reports (all, one area's or one category's): new reports and the
// bodies' updates on them, newest first. Entries carry what the report page shows publicly.

const ENTRIES = 50;

export interface FeedQuery {
  area?: string | undefined;
  category?: string | undefined;
}

export const feedPath = (q: FeedQuery): string => {
  const params = new URLSearchParams();
  if (q.area) params.set('area', q.area);
  if (q.category) params.set('category', q.category);
  const search = params.toString();
  return `/reports/feed.atom${search ? `?${search}` : ''}`;
};

const paragraph = (text: string) => `<p>${xml(text).replace(/\n/g, '<br>')}</p>`;

export async function reportsFeed(ctx: AppContext, q: FeedQuery, siteName: string) {
  const resolved = await resolveFilter(ctx, {
    area: q.area ? [q.area] : undefined,
    category: q.category ? [q.category] : undefined,
  });
  const { baseUrl } = ctx.config;
  const [{ rows }, updates, bodies] = await Promise.all([
    listReportRows(ctx.db.kysely, resolved.filter, { limit: ENTRIES, offset: 0, order: 'newest' }),
    recentUpdateRows(ctx.db.kysely, resolved.filter, ENTRIES),
    bodyLookup(ctx),
  ]);
  const categories = new Map(resolved.categories.map((c) => [c.id, c] as const));
  const entries: AtomEntry[] = [];
  for (const row of rows) {
    const category = categories.get(row.category_id);
    if (!category) continue;
    const r = publicReportSummary(baseUrl, row, category, bodies, []);
    const where = [r.address, r.ward?.name].filter(Boolean).join(', ');
    entries.push({
      id: tagUri(baseUrl, 'report', r.id),
      title: `${r.category.name}${where ? ` at ${where}` : ''}`,
      link: r.url,
      published: r.created_at,
      updated: r.created_at,
      author: r.reporter_name ?? 'A resident',
      category: { term: r.category.code, label: r.category.name },
      content:
        paragraph(r.description) + paragraph(`Sent to ${r.body.name}. Status: ${r.status_label}.`),
    });
  }
  const reportsById = new Map(rows.map((r) => [r.id, r] as const));
  for (const u of updates) {
    const report =
      reportsById.get(u.report_id) ?? (await findReportRow(ctx.db.kysely, u.report_id));
    const category = report ? categories.get(report.category_id) : undefined;
    if (!report || !category) continue;
    const body = u.organisation_id ? bodies.get(u.organisation_id) : undefined;
    const status = u.status ? STATUS_LABELS[u.status] : null;
    entries.push({
      id: tagUri(baseUrl, 'report-update', u.id),
      title: `Update on ${category.name}${status ? `: ${status}` : ''}`,
      link: `${reportUrl(baseUrl, report.id)}#update-${u.id}`,
      published: u.created_at,
      updated: u.created_at,
      author: body?.name ?? (u.source === 'reporter' ? 'The reporter' : 'A resident'),
      category: { term: category.code, label: category.name },
      content: paragraph(u.text || (status ? `Status changed to ${status}.` : '')),
    });
  }
  entries.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
  const kept = entries.slice(0, ENTRIES);
  const about = [...resolved.names.categories, ...resolved.names.areas];
  const self = feedPath(q);
  return atomFeed({
    id: baseUrl + self,
    title: `Reports${about.length ? ` (${about.join(', ')})` : ''} – ${siteName}`,
    updated: kept[0]?.updated ?? new Date(0).toISOString(),
    self: baseUrl + self,
    alternate: `${baseUrl}/reports${self.includes('?') ? self.slice(self.indexOf('?')) : ''}`,
    author: siteName,
    entries: kept,
  });
}
