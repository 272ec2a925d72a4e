import { formChecker } from '../../../../platform/views/forms/form-check.js';
import { IndicatorCreateBody } from '../../indicator.schemas.js';

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
export const schemaErrors = formChecker(IndicatorCreateBody, {}, (e) => {
  const top = e.instancePath.split('/')[1];
  return FIELD_OF[e.instancePath] ?? (top === undefined || top === '' ? 'title' : top);
});
