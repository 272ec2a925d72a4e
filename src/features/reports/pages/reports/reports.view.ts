import type { Category } from '../../category.service.js';
import { paginationFor, rangeText } from '../../../../platform/views/pagination.js';
import type { PublicReportSummary } from '../../report.view.js';
import { feedPath } from '../../report-feed.js';
import { STATUS_LABELS } from '../../report-status.js';
import type { ReportStatus } from '../../../../platform/db/schema.js';

// What the reports page shows of a list: the filter form as the URL set it, the active filters
// with links that remove each, the results, paging, and the map's and feed's addresses.

export interface ReportsState {
  area?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
  page: number;
}

type FilterName = 'area' | 'category' | 'status' | 'from' | 'to' | 'sort';
const FILTERS: FilterName[] = ['area', 'category', 'status', 'from', 'to', 'sort'];

export function reportsHref(state: Omit<ReportsState, 'page'>, page = 1, path = '/reports') {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = state[name];
    if (value) params.set(name, value);
  }
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export interface AreaOption {
  value: string;
  text: string;
}

const TAGS: Partial<Record<ReportStatus, string>> = {
  fixed: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
  duplicate: 'govuk-tag--grey',
  not_responsible: 'govuk-tag--grey',
  in_progress: 'govuk-tag--yellow',
  action_scheduled: 'govuk-tag--yellow',
  investigating: 'govuk-tag--light-blue',
};
export const statusTagClass = (status: ReportStatus): string => TAGS[status] ?? 'govuk-tag--blue';

const STATUS_CHOICES: AreaOption[] = [
  { value: 'open', text: 'Open (not yet dealt with)' },
  { value: 'fixed', text: 'Fixed' },
  { value: 'closed', text: 'Closed' },
  ...(['investigating', 'in_progress', 'action_scheduled', 'duplicate'] as const).map((s) => ({
    value: s,
    text: STATUS_LABELS[s],
  })),
];

const select = (options: AreaOption[], chosen: string | undefined, any: string) => [
  { value: '', text: any, selected: !chosen },
  ...options.map((o) => ({ ...o, selected: o.value === chosen })),
];

export function reportsView(
  state: ReportsState,
  list: { total: number; per_page: number; results: PublicReportSummary[] },
  options: { areas: AreaOption[]; categories: Category[] },
) {
  const categories = options.categories.map((c) => ({ value: c.code, text: c.name }));
  const choices: Partial<Record<FilterName, AreaOption[]>> = {
    area: options.areas,
    category: categories,
    status: STATUS_CHOICES,
  };
  const label = (name: FilterName, value: string): string =>
    choices[name]?.find((o) => o.value === value)?.text ??
    (STATUS_LABELS as Record<string, string>)[value] ??
    value;
  const titles: Record<FilterName, string> = {
    area: 'Area',
    category: 'Category',
    status: 'Status',
    from: 'Reported from',
    to: 'Reported to',
    sort: 'Sorted by',
  };
  const active = FILTERS.filter((n) => n !== 'sort' && state[n]).map((name) => ({
    facet: titles[name],
    label: label(name, state[name] ?? ''),
    removeHref: reportsHref({ ...state, [name]: undefined }),
  }));
  const mapQuery = new URLSearchParams();
  for (const name of ['area', 'category', 'status', 'from', 'to'] as const) {
    const value = state[name];
    if (value) mapQuery.set(name, value);
  }
  mapQuery.set('per_page', '1000');
  return {
    state,
    areaItems: select(options.areas, state.area, 'Anywhere'),
    categoryItems: select(categories, state.category, 'Any category'),
    statusItems: select(STATUS_CHOICES, state.status, 'Any status'),
    sortItems: [
      { value: 'newest', text: 'Newest first', selected: !state.sort || state.sort === 'newest' },
      { value: 'oldest', text: 'Oldest first', selected: state.sort === 'oldest' },
      { value: 'updated', text: 'Recently updated', selected: state.sort === 'updated' },
    ],
    active,
    clearHref: '/reports',
    total: list.total,
    range: rangeText(state.page, list.per_page, list.total),
    results: list.results.map((r) => ({ ...r, tag: statusTagClass(r.status) })),
    pagination: paginationFor(state.page, list.per_page, list.total, (n) => reportsHref(state, n)),
    mapDataUrl: `/api/v1/reports.geojson?${mapQuery.toString()}`,
    geojsonHref: `/api/v1/reports.geojson?${mapQuery.toString()}`,
    apiHref: reportsHref(state, 1, '/api/v1/reports'),
    feedHref: feedPath({ area: state.area, category: state.category }),
  };
}
