import type { FieldError } from '../../../../platform/errors.js';
import type { FieldLabels } from '../../../../platform/views/forms/form-errors.js';
import { field } from '../../../../platform/views/forms/form-input.js';
import {
  emptyDate,
  isoDateOf,
  type DateParts,
} from '../../../../platform/views/forms/form-date.js';
import type { StatusChangeInput } from '../../promise.schemas.js';

/** How many evidence links the form offers at once (more can be added with another change). */
export const EVIDENCE_ROWS = 3;

export interface EvidenceRow {
  title: string;
  url: string;
  kind: string;
}

export interface StatusForm {
  status: string;
  date: DateParts;
  rationale: string;
  evidence: EvidenceRow[];
}

export const STATUS_LABELS: FieldLabels = {
  status: { label: 'New status', id: 'status' },
  date: { label: 'Date of the change', id: 'date-day' },
  rationale: { label: 'Why', id: 'rationale' },
  evidence: { label: 'Evidence', id: 'evidence-1-title' },
  ...Object.fromEntries(
    Array.from({ length: EVIDENCE_ROWS }, (_, i) => [
      `evidence_${String(i + 1)}`,
      { label: `Evidence ${String(i + 1)}`, id: `evidence-${String(i + 1)}-title` },
    ]),
  ),
};

export const blankStatusForm = (): StatusForm => ({
  status: '',
  date: emptyDate(),
  rationale: '',
  evidence: Array.from({ length: EVIDENCE_ROWS }, () => ({ title: '', url: '', kind: 'document' })),
});

export function statusFormFromBody(body: unknown): StatusForm {
  return {
    status: field(body, 'status'),
    date: {
      day: field(body, 'date-day'),
      month: field(body, 'date-month'),
      year: field(body, 'date-year'),
    },
    rationale: field(body, 'rationale'),
    evidence: Array.from({ length: EVIDENCE_ROWS }, (_, i) => ({
      title: field(body, `evidence-${String(i + 1)}-title`),
      url: field(body, `evidence-${String(i + 1)}-url`),
      kind: field(body, `evidence-${String(i + 1)}-kind`) || 'document',
    })),
  };
}

/** The API's input from the form; a half-filled evidence row is an error, an empty one ignored. */
export function statusInputOf(form: StatusForm): {
  input: StatusChangeInput;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  if (form.status === '') errors.push({ field: 'status', message: 'Choose the new status' });
  if (form.rationale.trim() === '') {
    errors.push({ field: 'rationale', message: 'Enter why the status changed' });
  }
  const date = isoDateOf(form.date, 'date', 'Date of the change');
  if (date.error) errors.push(date.error);
  const evidence = [];
  for (const [i, row] of form.evidence.entries()) {
    const title = row.title.trim();
    const url = row.url.trim();
    if (!title && !url) continue;
    const n = String(i + 1);
    if (!title) errors.push({ field: `evidence_${n}`, message: `Enter a title for evidence ${n}` });
    if (!/^(https?:\/\/\S+|\/(?![/\\])\S*)$/.test(url)) {
      errors.push({
        field: `evidence_${n}`,
        message: `Enter the link of evidence ${n} as a web address, like https://example.org/report`,
      });
    }
    evidence.push({ title, url, kind: row.kind });
  }
  const input = {
    status: form.status,
    rationale: form.rationale.trim(),
    evidence,
    ...(date.value ? { date: date.value } : {}),
  } as StatusChangeInput;
  return { input, errors };
}
