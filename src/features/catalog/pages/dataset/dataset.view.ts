import { formatDate } from '../../../../platform/views/filters.js';
import { frequencyText } from '../shared/text.js';
import { apiExamples } from './api-examples.js';
import type { DatasetPageData } from './dataset-page.service.js';

const ACTIONS: Record<string, string> = {
  'dataset.created': 'Dataset published',
  'dataset.updated': 'Dataset changed',
  'dataset.deleted': 'Dataset deleted',
  'dataset.restored': 'Dataset restored',
  'resource.created': 'Resource added',
  'resource.replaced': 'Resource data replaced',
};

const FIELD_NAMES: Record<string, string> = {
  temporal_start: 'time covered (start)',
  temporal_end: 'time covered (end)',
  spatial_coverage: 'area covered',
  update_frequency: 'update frequency',
  contact_name: 'contact name',
  contact_email: 'contact email',
  source_url: 'source',
  sha256: 'file',
};

/** One line per change: what happened, which fields changed, by whom and when. */
export function historyItems(history: DatasetPageData['history']) {
  return history.map((a) => {
    const changes = (a.changes ?? {}) as Record<string, { to?: unknown }>;
    const fields = Object.keys(changes).map((f) => FIELD_NAMES[f] ?? f.replace(/_/g, ' '));
    const name = changes.name?.to;
    const what = ACTIONS[a.action] ?? a.action;
    return {
      what: a.action === 'resource.created' && typeof name === 'string' ? `${what}: ${name}` : what,
      fields: a.action === 'dataset.updated' ? fields : [],
      who: a.actor?.name ?? null,
      at: a.created_at,
    };
  });
}

/** An APA-like citation, in parts: the site's name sits between them in the template. */
export function citation(
  dataset: { title: string; modified_at: string; organisation: { name: string } },
  pageUrl: string,
  accessed: Date,
) {
  return {
    before: `${dataset.organisation.name}. (${dataset.modified_at.slice(0, 4)}). ${dataset.title} [Data set].`,
    after: `${pageUrl} (accessed ${formatDate(accessed)})`,
  };
}

function coverage(t: { start: string | null; end: string | null } | null): string | null {
  if (!t) return null;
  if (t.start && t.end) return `${formatDate(t.start)} to ${formatDate(t.end)}`;
  if (t.start) return `From ${formatDate(t.start)}`;
  return t.end ? `Until ${formatDate(t.end)}` : null;
}

/** The dataset page's locals, apart from the site-wide ones. */
export function datasetView(data: DatasetPageData, baseUrl: string, now: Date) {
  const d = data.dataset;
  const queryable = d.resources.find((r) => r.datastore !== null);
  const pageUrl = `${baseUrl}/datasets/${d.slug}`;
  return {
    dataset: d,
    unpublished: d.state !== 'active' || d.visibility !== 'public',
    frequency: frequencyText(d.update_frequency),
    temporal: coverage(d.temporal_coverage),
    resources: d.resources.map((r) => ({
      ...r,
      pageHref: `/datasets/${d.slug}/resources/${r.id}`,
    })),
    history: historyItems(data.history),
    citation: citation(d, pageUrl, now),
    pageUrl,
    examples: apiExamples(
      baseUrl,
      d.slug,
      queryable?.datastore
        ? { id: queryable.id, name: queryable.name, fields: queryable.datastore.fields }
        : null,
    ),
    apiUrl: `${baseUrl}/api/v1/datasets/${d.slug}`,
    queryUrl: queryable ? `${baseUrl}/api/v1/resources/${queryable.id}/query` : null,
  };
}
