import type { PromiseStatus } from '../../platform/db/schema.js';
import type { PromiseWithOwner, StatusChangeRow } from './promise.repository.js';
import { statusLabel, type Evidence } from './promise-status.js';
import { dueDate, type Deadline } from './term.js';

export interface ViewContext {
  baseUrl: string;
  themes: Map<string, string>;
  termStart: string | null;
  today: string;
}

const DONE: readonly string[] = ['kept', 'broken'];

export function deadlineOf(row: PromiseWithOwner): Deadline {
  const kind =
    row.deadline_kind === 'date' || row.deadline_kind === 'days' ? row.deadline_kind : 'none';
  return { kind, date: row.deadline_date, days: row.deadline_days };
}

/** A promise as the API, the downloads and the pages show it. */
export function promiseSummary(
  row: PromiseWithOwner,
  v: ViewContext,
  suggested: PromiseStatus | null = null,
) {
  const deadline = deadlineOf(row);
  const due = dueDate(deadline, v.termStart);
  const slug = encodeURIComponent(row.slug);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    quote: row.quote,
    source: { kind: row.source_kind, url: row.source_url, date: row.source_date },
    made_by: row.made_by,
    theme: { slug: row.theme, title: v.themes.get(row.theme) ?? row.theme },
    deadline: {
      ...deadline,
      due,
      overdue: due !== null && due < v.today && !DONE.includes(row.status),
    },
    owner: { slug: row.owner_slug, name: row.owner_name },
    status: row.status,
    status_label: statusLabel(row.status),
    status_date: row.status_date,
    suggested_status: suggested,
    url: `${v.baseUrl}/promises/${slug}`,
    api_url: `${v.baseUrl}/api/v1/promises/${slug}`,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
export type PromiseSummaryView = ReturnType<typeof promiseSummary>;

export function statusChangeView(c: StatusChangeRow) {
  return {
    date: c.changed_on,
    from: c.from_status,
    to: c.to_status,
    rationale: c.rationale,
    evidence: JSON.parse(c.evidence) as Evidence[],
    by: c.actor_name === null ? null : { name: c.actor_name },
    recorded_at: c.created_at,
  };
}
export type StatusChangeView = ReturnType<typeof statusChangeView>;
