import type { ReportStatus, SendState } from '../../../../platform/db/schema.js';
import { field, fields } from '../../../../platform/views/forms/form-input.js';
import { isOpenStatus, STATUS_LABELS, STATUSES } from '../../report-status.js';
import type { QueueFilters } from '../../report-queue.service.js';

// The queue page's filters as the form holds them, and the words and tags of its rows.

export interface QueueForm {
  organisation: string;
  status: string[];
  category: string;
  ward: string;
  from: string;
  to: string;
  attention: boolean;
}

export function queueFormOf(query: unknown): QueueForm {
  return {
    organisation: field(query, 'organisation'),
    status: fields(query, 'status'),
    category: field(query, 'category'),
    ward: field(query, 'ward'),
    from: field(query, 'from'),
    to: field(query, 'to'),
    attention: field(query, 'attention') === '1',
  };
}

export function queueFiltersOf(form: QueueForm, page: number): QueueFilters {
  const blank = (v: string) => (v === '' ? undefined : v);
  return {
    organisation: blank(form.organisation),
    status: form.status,
    category: blank(form.category),
    ward: blank(form.ward),
    from: blank(form.from),
    to: blank(form.to),
    attention: form.attention,
    page,
  };
}

/** The query string of these filters (for paging links and the map's data). */
export function queryOf(form: QueueForm, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    if (Array.isArray(v)) for (const one of v as string[]) q.append(k, one);
    else if (v === true) q.append(k, '1');
    else if (typeof v === 'string' && v !== '') q.append(k, v);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

export const statusTag = (status: ReportStatus): string =>
  status === 'fixed'
    ? 'govuk-tag--green'
    : isOpenStatus(status)
      ? status === 'open'
        ? 'govuk-tag--blue'
        : 'govuk-tag--yellow'
      : 'govuk-tag--grey';

export const SEND_LABELS: Readonly<Record<SendState, { text: string; classes: string }>> = {
  unsent: { text: 'Waiting', classes: 'govuk-tag--grey' },
  queued: { text: 'Waiting', classes: 'govuk-tag--grey' },
  sent: { text: 'Sent', classes: 'govuk-tag--green' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
};

/** The status filter's choices: the two groups, then each status. */
export const statusChoices = (chosen: readonly string[]) => [
  { value: 'open', text: 'Any open status', checked: chosen.includes('open') },
  { value: 'closed', text: 'Any closed status', checked: chosen.includes('closed') },
  ...STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], checked: chosen.includes(s) })),
];
