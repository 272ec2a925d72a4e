import type { FieldError } from '../../../../platform/errors.js';
import type { FieldLabels } from '../../../../platform/views/forms/form-errors.js';
import { field } from '../../../../platform/views/forms/form-input.js';
import type { DateParts } from '../../../../platform/views/forms/form-date.js';
import {
  datePartsFrom,
  datePartsOf,
  emptyDate,
  isoDateOf,
} from '../../../../platform/views/forms/form-date.js';
import type { PromiseCreateInput, DeadlineInput } from '../../promise.schemas.js';

/** The promise form as typed, so a form with errors shows it again. */
export interface PromiseForm {
  title: string;
  quote: string;
  made_by: string;
  source_kind: string;
  source_url: string;
  source_date: DateParts;
  theme: string;
  owner: string;
  deadline_kind: string;
  deadline_date: DateParts;
  deadline_days: string;
}

export const LABELS: FieldLabels = {
  title: { label: 'Title', id: 'title' },
  slug: { label: 'Title', id: 'title' },
  quote: { label: 'The words promised', id: 'quote' },
  made_by: { label: 'Made by', id: 'made-by' },
  source: { label: 'Source', id: 'source-kind' },
  source_kind: { label: 'Kind of source', id: 'source-kind' },
  source_url: { label: 'Link to the source', id: 'source-url' },
  source_date: { label: 'Date of the source', id: 'source-date-day' },
  theme: { label: 'Theme', id: 'theme' },
  owner: { label: 'Responsible organisation', id: 'owner' },
  deadline: { label: 'Deadline', id: 'deadline-kind' },
  deadline_date: { label: 'Deadline date', id: 'deadline-date-day' },
  deadline_days: { label: 'Number of days', id: 'deadline-days' },
};

export const blankPromiseForm = (owner: string): PromiseForm => ({
  title: '',
  quote: '',
  made_by: 'The Mayor',
  source_kind: 'manifesto',
  source_url: '',
  source_date: emptyDate(),
  theme: '',
  owner,
  deadline_kind: 'date',
  deadline_date: emptyDate(),
  deadline_days: '',
});

export function promiseFormFromBody(body: unknown): PromiseForm {
  return {
    title: field(body, 'title'),
    quote: field(body, 'quote'),
    made_by: field(body, 'made_by'),
    source_kind: field(body, 'source_kind'),
    source_url: field(body, 'source_url'),
    source_date: datePartsFrom(body, 'source-date'),
    theme: field(body, 'theme'),
    owner: field(body, 'owner'),
    deadline_kind: field(body, 'deadline_kind'),
    deadline_date: datePartsFrom(body, 'deadline-date'),
    deadline_days: field(body, 'deadline_days'),
  };
}

interface PromiseShape {
  title: string;
  quote: string;
  made_by: string;
  source: { kind: string; url: string | null; date: string | null };
  theme: { slug: string };
  owner: { slug: string };
  deadline: { kind: string; date: string | null; days: number | null };
}

export function promiseFormOf(p: PromiseShape): PromiseForm {
  return {
    title: p.title,
    quote: p.quote,
    made_by: p.made_by,
    source_kind: p.source.kind,
    source_url: p.source.url ?? '',
    source_date: datePartsOf(p.source.date),
    theme: p.theme.slug,
    owner: p.owner.slug,
    deadline_kind: p.deadline.kind,
    deadline_date: p.deadline.kind === 'date' ? datePartsOf(p.deadline.date) : emptyDate(),
    deadline_days: p.deadline.days === null ? '' : String(p.deadline.days),
  };
}

function deadlineOf(form: PromiseForm, errors: FieldError[]): DeadlineInput {
  if (form.deadline_kind === 'days') {
    const days = Number(form.deadline_days.trim());
    if (!/^\d+$/.test(form.deadline_days.trim()) || days < 1 || days > 3650) {
      errors.push({ field: 'deadline_days', message: 'Enter a whole number of days, like 100' });
    }
    return { kind: 'days', days };
  }
  if (form.deadline_kind === 'date') {
    const date = isoDateOf(form.deadline_date, 'deadline_date', 'Deadline date');
    if (date.error) errors.push(date.error);
    else if (date.value === null) {
      errors.push({ field: 'deadline_date', message: 'Enter the deadline date' });
    }
    return { kind: 'date', date: date.value ?? '' };
  }
  if (form.deadline_kind !== 'none')
    errors.push({ field: 'deadline', message: 'Choose a deadline' });
  return { kind: 'none' };
}

/** The API's input from the form, and the errors of what the schema cannot say well (dates). */
export function promiseInputOf(form: PromiseForm): {
  input: PromiseCreateInput;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const sourceDate = isoDateOf(form.source_date, 'source_date', 'Date of the source');
  if (sourceDate.error) errors.push(sourceDate.error);
  const input = {
    title: form.title.trim(),
    quote: form.quote.trim(),
    made_by: form.made_by.trim(),
    source: {
      kind: form.source_kind,
      url: form.source_url.trim() || null,
      date: sourceDate.value,
    },
    theme: form.theme,
    owner: form.owner,
    deadline: deadlineOf(form, errors),
  } as PromiseCreateInput;
  return { input, errors };
}
