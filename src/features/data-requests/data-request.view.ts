import type { CommentRow, HistoryRow } from './request-parts.repository.js';
import type { RequestRow } from './data-request.repository.js';
import { AWAITING, REFUSAL_LABELS, STATUS_LABELS } from './request-status.js';
import { isoDay, responseDue } from './working-days.js';

// A request as the API answers it (and the pages show it): snake_case, links absolute.

const datasetLink = (baseUrl: string, slug: string | null, title: string | null) =>
  slug && title ? { slug, title, url: `${baseUrl}/datasets/${slug}` } : null;

const requestLink = (baseUrl: string, id: string | null) =>
  id ? { id, url: `${baseUrl}/data-requests/${id}` } : null;

export function requestSummary(
  row: RequestRow,
  options: { baseUrl: string; responseDays: number; today: Date },
) {
  const { baseUrl } = options;
  const due = responseDue(row.created_at, options.responseDays);
  return {
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    organisation: { slug: row.organisation_slug, name: row.organisation_name },
    theme: row.theme,
    frequency: row.frequency,
    status: row.status,
    status_label: STATUS_LABELS[row.status],
    status_reason: row.status_reason,
    target_date: row.target_date,
    refusal_reason: row.refusal_reason,
    refusal_reason_label: row.refusal_reason ? REFUSAL_LABELS[row.refusal_reason] : null,
    dataset: datasetLink(baseUrl, row.dataset_slug, row.dataset_title),
    duplicate_of: requestLink(baseUrl, row.duplicate_of),
    supporters: row.supporters_count,
    response_due: due,
    overdue: AWAITING.includes(row.status) && due < isoDay(options.today),
    url: `${baseUrl}/data-requests/${row.id}`,
    api_url: `${baseUrl}/api/v1/data-requests/${row.id}`,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
export type RequestSummary = ReturnType<typeof requestSummary>;

export const historyEntry = (h: HistoryRow, baseUrl: string) => ({
  from: h.from_status,
  to: h.to_status,
  to_label: STATUS_LABELS[h.to_status],
  reason: h.reason,
  target_date: h.target_date,
  refusal_reason: h.refusal_reason,
  refusal_reason_label: h.refusal_reason ? REFUSAL_LABELS[h.refusal_reason] : null,
  dataset: datasetLink(baseUrl, h.dataset_slug, h.dataset_title),
  duplicate_of: requestLink(baseUrl, h.duplicate_of),
  by: h.actor_name ? { name: h.actor_name } : null,
  at: h.created_at,
});

export const commentEntry = (c: CommentRow) => ({
  id: c.id,
  body: c.body,
  author: c.author_name ? { name: c.author_name } : null,
  hidden: c.hidden === 1,
  created_at: c.created_at,
});
