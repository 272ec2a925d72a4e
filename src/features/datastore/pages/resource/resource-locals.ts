import { isGeographic, isLoaded, type ResourcePageData } from './resource-page.service.js';

export type ResourceView = 'table' | 'chart' | 'map' | 'fields' | 'versions';

const LABELS: Record<ResourceView, string> = {
  table: 'Table',
  chart: 'Chart',
  map: 'Map',
  fields: 'Fields',
  versions: 'Versions',
};

/** The page's own address: the table is the resource's default view. */
export function resourcePath(r: ResourcePageData, view: ResourceView = 'table'): string {
  const base = `/datasets/${encodeURIComponent(r.dataset.slug)}/resources/${r.id}`;
  return view === 'table' ? base : `${base}/${view}`;
}

/** The views this resource has: the map only for geographic data. */
export function resourceTabs(r: ResourcePageData, current: ResourceView) {
  const views: ResourceView[] = isLoaded(r)
    ? ['table', 'chart', ...(isGeographic(r) ? (['map'] as const) : []), 'fields', 'versions']
    : [];
  return views.map((view) => ({
    href: resourcePath(r, view),
    text: LABELS[view],
    current: view === current,
  }));
}

/** What every view of a resource shows around its own content. */
export function resourceLocals(r: ResourcePageData, view: ResourceView, title?: string) {
  const datasetPath = `/datasets/${encodeURIComponent(r.dataset.slug)}`;
  const label = LABELS[view];
  return {
    pageTitle: title ?? (view === 'table' ? r.name : `${label} – ${r.name}`),
    section: 'datasets',
    breadcrumbs: [
      { text: 'Datasets', href: '/datasets' },
      { text: r.dataset.title, href: datasetPath },
    ],
    resource: r,
    datasetPath,
    tabs: resourceTabs(r, view),
    loaded: isLoaded(r),
    view,
    viewLabel: label,
  };
}
