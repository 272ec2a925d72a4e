import type { FieldError } from '../../../../platform/errors.js';
import type { IndicatorCreateInput } from '../../indicator.schemas.js';
import type { IndicatorDetail } from '../../indicator.types.js';
import { SLUG_PATTERN } from '../../../../platform/http/schemas.js';

export const FORM_FIELDS = [
  'slug',
  'title',
  'description',
  'unit',
  'direction',
  'resource_id',
  'date_field',
  'bucket',
  'value_fn',
  'value_field',
  'denominator_fn',
  'denominator_field',
  'group',
  'baseline_value',
  'baseline_date',
  'target_value',
  'target_date',
] as const;
export type IndicatorForm = Record<(typeof FORM_FIELDS)[number], string>;

export const LABELS = {
  slug: { label: 'Short name for the web address', id: 'slug' },
  title: { label: 'Title', id: 'title' },
  description: { label: 'Description', id: 'description' },
  unit: { label: 'Unit', id: 'unit' },
  direction: { label: 'Which way is good', id: 'direction' },
  bucket: { label: 'Group dates by', id: 'bucket' },
  value_fn: { label: 'Calculation', id: 'value_fn' },
  denominator_fn: { label: 'Divide by', id: 'denominator_fn' },
  denominator_field: { label: 'Column to divide by', id: 'denominator_field' },
  group: { label: 'Compare by column', id: 'group' },
  resource_id: { label: 'Resource id', id: 'resource_id' },
  query: { label: 'The calculation', id: 'value_field' },
  date_field: { label: 'Date column', id: 'date_field' },
  value_field: { label: 'Column to calculate', id: 'value_field' },
  baseline: { label: 'Baseline', id: 'baseline_value' },
  baseline_value: { label: 'Baseline value', id: 'baseline_value' },
  baseline_date: { label: 'Baseline date', id: 'baseline_date' },
  target: { label: 'Target', id: 'target_value' },
  target_value: { label: 'Target value', id: 'target_value' },
  target_date: { label: 'Target date', id: 'target_date' },
};

export function blankForm(): IndicatorForm {
  const form = Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as IndicatorForm;
  return { ...form, direction: 'up', value_fn: 'avg' };
}

export function formFromBody(body: unknown): IndicatorForm {
  const b = (body ?? {}) as Record<string, unknown>;
  const form = blankForm();
  for (const f of FORM_FIELDS) {
    const v = b[f];
    if (typeof v === 'string') form[f] = v.trim();
  }
  return form;
}

export function formOf(d: IndicatorDetail): IndicatorForm {
  return {
    slug: d.slug,
    title: d.title,
    description: d.description,
    unit: d.unit,
    direction: d.direction,
    resource_id: d.resource_id,
    date_field: d.query.date.field,
    bucket: d.query.date.bucket ?? '',
    value_fn: d.query.value.fn,
    value_field: d.query.value.field ?? '',
    denominator_fn: d.query.denominator?.fn ?? '',
    denominator_field: d.query.denominator?.field ?? '',
    group: d.query.group ?? '',
    baseline_value: String(d.baseline.value),
    baseline_date: d.baseline.date,
    target_value: String(d.target.value),
    target_date: d.target.date,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
type Fn = IndicatorCreateInput['query']['value']['fn'];
type Bucket = NonNullable<IndicatorCreateInput['query']['date']['bucket']>;

/** The form as the API's input, with a message for each field that cannot be read. */
export function inputOf(form: IndicatorForm): {
  input: IndicatorCreateInput;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const need = (field: keyof IndicatorForm, message: string) => {
    if (!form[field]) errors.push({ field, message });
  };
  if (!new RegExp(SLUG_PATTERN).test(form.slug)) {
    errors.push({
      field: 'slug',
      message: 'Enter a short name of lower-case letters, digits and hyphens',
    });
  }
  need('title', 'Enter a title');
  need('resource_id', 'Enter the id of the resource the indicator is computed from');
  need('date_field', 'Enter the column that holds the date or period');
  const number = (field: 'baseline_value' | 'target_value', what: string) => {
    const n = Number(form[field]);
    if (form[field] === '' || !Number.isFinite(n))
      errors.push({ field, message: `Enter the ${what} as a number` });
    return n;
  };
  const date = (field: 'baseline_date' | 'target_date', what: string) => {
    if (!DATE.test(form[field]) || Number.isNaN(Date.parse(form[field]))) {
      errors.push({ field, message: `Enter the ${what} as a date like 2024-04-01` });
    }
    return form[field];
  };
  const aggregate = (fn: string, field: string) => ({ fn: fn as Fn, ...(field ? { field } : {}) });
  const input: IndicatorCreateInput = {
    slug: form.slug,
    title: form.title,
    description: form.description,
    unit: form.unit,
    direction: form.direction === 'down' ? 'down' : 'up',
    resource_id: form.resource_id,
    query: {
      date: { field: form.date_field, ...(form.bucket ? { bucket: form.bucket as Bucket } : {}) },
      value: aggregate(form.value_fn, form.value_field),
      ...(form.denominator_fn
        ? { denominator: aggregate(form.denominator_fn, form.denominator_field) }
        : {}),
      ...(form.group ? { group: form.group } : {}),
    },
    baseline: {
      value: number('baseline_value', 'baseline value'),
      date: date('baseline_date', 'baseline date'),
    },
    target: {
      value: number('target_value', 'target value'),
      date: date('target_date', 'target date'),
    },
  };
  return { input, errors };
}
