import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FieldError } from '../../../../platform/errors.js';
import { IndicatorCreateBody } from '../../indicator.schemas.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
// The API's own schema checks the form too, so the form can never store what the API refuses.
const validate = ajv.compile(IndicatorCreateBody);

const FIELD_OF: Record<string, string> = {
  '/query/date/field': 'date_field',
  '/query/date/bucket': 'bucket',
  '/query/value/fn': 'value_fn',
  '/query/value/field': 'value_field',
  '/query/denominator/fn': 'denominator_fn',
  '/query/denominator/field': 'denominator_field',
  '/query/group': 'group',
  '/baseline/value': 'baseline_value',
  '/baseline/date': 'baseline_date',
  '/target/value': 'target_value',
  '/target/date': 'target_date',
};

/** The form's input checked against the API's schema, one message per field. */
export function schemaErrors(input: unknown): FieldError[] {
  if (validate(input)) return [];
  const out = new Map<string, string>();
  for (const e of validate.errors ?? []) {
    const top = e.instancePath.split('/')[1];
    const field = FIELD_OF[e.instancePath] ?? (top === undefined || top === '' ? 'title' : top);
    if (!out.has(field)) out.set(field, `is not valid (${e.message ?? e.keyword})`);
  }
  return [...out].map(([field, message]) => ({ field, message }));
}
