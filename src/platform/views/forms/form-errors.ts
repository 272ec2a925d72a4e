import { DomainError, type FieldError } from '../../errors.js';

/** What a form template needs: the error summary's list and each field's inline message. */
export interface FormErrors {
  list: { text: string; href: string }[];
  fields: Record<string, { text: string }>;
}

export type FieldLabels = Record<string, { label: string; id?: string }>;

export const noErrors = (): FormErrors => ({ list: [], fields: {} });

/** The field errors of a service's validation failure, else null. */
export function fieldErrorsOf(err: unknown): FieldError[] | null {
  if (!(err instanceof DomainError) || err.kind !== 'validation') return null;
  return Array.isArray(err.details) ? (err.details as FieldError[]) : null;
}

const sentence = (label: string, message: string) =>
  /^[A-Z]/.test(message) ? message : `${label} ${message}`;

/**
 * Turns field errors into GOV.UK error messages: a service's "is required" on `title` reads
 * "Title is required", linked to the field. Fields the form does not show are named as they
 * come, linked to the first field, so nothing is silently dropped.
 */
export function formErrors(errors: FieldError[], labels: FieldLabels): FormErrors {
  const out = noErrors();
  const first = Object.entries(labels)[0];
  for (const e of errors) {
    const key = e.field.split('.')[0] ?? e.field;
    const known = labels[e.field] ?? labels[key];
    const text = sentence(known?.label ?? e.field, e.message);
    const fieldKey = known ? (labels[e.field] ? e.field : key) : (first?.[0] ?? e.field);
    if (out.fields[fieldKey]) continue;
    out.fields[fieldKey] = { text };
    const id = (known ?? first?.[1])?.id ?? fieldKey.replace(/[._]/g, '-');
    out.list.push({ text, href: `#${id}` });
  }
  return out;
}

/** A page's locals for its errors: `errors` (the summary, and "Error: " in the title). */
export const errorLocals = (e: FormErrors) => ({ errors: e.list, fieldErrors: e.fields });
