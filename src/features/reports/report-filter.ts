import type { AppContext } from '../../context.js';
import type { ReportStatus } from '../../platform/db/schema.js';
import { invalidParameter } from '../../platform/errors.js';
import { findOrganisation } from '../organisations/index.js';
import { listCategories, type Category } from './category.service.js';
import { reportWardRows } from './public-report.repository.js';
import type { ReportFilter, ReportOrder } from './report.repository.js';
import { isOpenStatus, isStatus, STATUSES } from './report-status.js';

// The public filters of reports, one reading for the page, the API, the map and the feeds:
// where (a body's slug or a ward code), what (category codes), how it stands (a group or an
// exact status), when (dates) and a box on the map. A value that names nothing is a 400 naming
// the parameter, never an empty or unfiltered list.

export interface PublicReportQuery {
  area?: readonly string[] | undefined;
  category?: readonly string[] | undefined;
  status?: readonly string[] | undefined;
  /** ISO dates, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** minLon,minLat,maxLon,maxLat (WGS 84). */
  bbox?: string | undefined;
  sort?: ReportOrder | undefined;
}

/** "open" is every status still to be dealt with, "closed" every end but fixed. */
export const STATUS_GROUPS: Readonly<Record<'open' | 'fixed' | 'closed', readonly ReportStatus[]>> =
  {
    open: STATUSES.filter(isOpenStatus),
    fixed: ['fixed'],
    closed: STATUSES.filter((s) => !isOpenStatus(s) && s !== 'fixed'),
  };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** GSS ward codes (E05…) and the demo's made-up ones (X05…): upper case first. */
const WARD_CODE = /^[A-Z][A-Z0-9]{2,15}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ResolvedFilter {
  filter: ReportFilter;
  order: ReportOrder;
  categories: Category[];
  /** What the filter names, in words (feed and page titles). */
  names: { areas: string[]; categories: string[] };
}

async function resolveAreas(ctx: AppContext, areas: readonly string[]) {
  const organisationIds: string[] = [];
  const wardCodes: string[] = [];
  const names: string[] = [];
  const wards = areas.some((a) => WARD_CODE.test(a)) ? await reportWardRows(ctx.db.kysely) : [];
  for (const area of areas) {
    if (SLUG.test(area)) {
      const org = await findOrganisation(ctx, area);
      if (!org) throw invalidParameter('area', `area ${area} is not a body of this region`);
      organisationIds.push(org.id);
      names.push(org.name);
    } else if (WARD_CODE.test(area)) {
      wardCodes.push(area);
      names.push(wards.find((w) => w.ward_code === area)?.ward_name ?? area);
    } else {
      throw invalidParameter('area', 'area must be a body’s slug or a ward code');
    }
  }
  return { organisationIds, wardCodes, names };
}

function resolveStatuses(values: readonly string[]): ReportStatus[] {
  const statuses = new Set<ReportStatus>();
  for (const value of values) {
    if (value === 'open' || value === 'fixed' || value === 'closed') {
      for (const s of STATUS_GROUPS[value]) statuses.add(s);
    } else if (isStatus(value)) {
      statuses.add(value);
    } else {
      throw invalidParameter(
        'status',
        `status must be open, fixed, closed or one of ${STATUSES.join(', ')}`,
      );
    }
  }
  return [...statuses];
}

function dayOf(parameter: 'from' | 'to', value: string): Date {
  const day = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(day.getTime()) || !day.toISOString().startsWith(value)) {
    throw invalidParameter(parameter, `${parameter} must be a date (YYYY-MM-DD)`);
  }
  return day;
}

export function parseBbox(value: string): NonNullable<ReportFilter['bbox']> {
  const parts = value.split(',').map((p) => Number(p.trim()));
  const [minLon = NaN, minLat = NaN, maxLon = NaN, maxLat = NaN] = parts;
  const ok =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    minLon <= maxLon &&
    minLat <= maxLat &&
    minLon >= -180 &&
    maxLon <= 180 &&
    minLat >= -90 &&
    maxLat <= 90;
  if (!ok) {
    throw invalidParameter(
      'bbox',
      'bbox must be minLon,minLat,maxLon,maxLat in degrees, each min not above its max',
    );
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** The query as a filter of public (confirmed) reports. */
export async function resolveFilter(
  ctx: AppContext,
  query: PublicReportQuery,
): Promise<ResolvedFilter> {
  const filter: ReportFilter = { states: ['confirmed'] };
  const categories = await listCategories(ctx);
  const names = { areas: [] as string[], categories: [] as string[] };
  if (query.area && query.area.length > 0) {
    const areas = await resolveAreas(ctx, query.area);
    // A body and a ward together mean "either": the ward filter alone would drop the body.
    if (areas.organisationIds.length > 0 && areas.wardCodes.length > 0) {
      throw invalidParameter('area', 'name bodies or wards, not both');
    }
    if (areas.organisationIds.length > 0) filter.organisationIds = areas.organisationIds;
    if (areas.wardCodes.length > 0) filter.wardCodes = areas.wardCodes;
    names.areas = areas.names;
  }
  if (query.category && query.category.length > 0) {
    const chosen = query.category.map((code) => {
      const found = categories.find((c) => c.code === code);
      if (!found) throw invalidParameter('category', `category ${code} is not one of the region’s`);
      return found;
    });
    filter.categoryIds = chosen.map((c) => c.id);
    names.categories = chosen.map((c) => c.name);
  }
  if (query.status && query.status.length > 0) filter.statuses = resolveStatuses(query.status);
  const from = query.from ? dayOf('from', query.from) : null;
  const to = query.to ? dayOf('to', query.to) : null;
  if (from && to && from > to) throw invalidParameter('to', 'to must not be before from');
  if (from) filter.from = from.toISOString();
  // Inclusive: the whole of the last day.
  if (to) filter.to = new Date(to.getTime() + 86_400_000).toISOString();
  if (query.bbox) filter.bbox = parseBbox(query.bbox);
  return { filter, order: query.sort ?? 'newest', categories, names };
}
