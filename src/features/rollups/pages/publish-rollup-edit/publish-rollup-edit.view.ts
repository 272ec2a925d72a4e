import type { Organisation, Rollup } from '../../../../platform/db/schema.js';
import type { FieldError } from '../../../../platform/errors.js';
import type { FieldLabels } from '../../../../platform/views/forms/form-errors.js';
import { field, fields } from '../../../../platform/views/forms/form-input.js';
import type { RollupChanges } from '../../rollup-edit.service.js';
import { schemaOf } from '../publish-rollup-new/publish-rollup-new.view.js';

// The "Change a roll-up" form: the create form's fields but the owner and the address, which
// stay; the schema shown as indented JSON to edit in place.

export interface EditForm {
  title: string;
  description: string;
  schema: string;
  expected: string[];
}

export const EDIT_LABELS: FieldLabels = {
  title: { label: 'Title', id: 'title' },
  description: { label: 'Description', id: 'description' },
  schema: { label: 'Table Schema', id: 'schema' },
  expected_organisations: { label: 'Expected to contribute', id: 'expected' },
};

/** The form as the roll-up is now. */
export const formFromRollup = (rollup: Rollup, expected: string[]): EditForm => ({
  title: rollup.title,
  description: rollup.description,
  schema: JSON.stringify(JSON.parse(rollup.table_schema), null, 2),
  expected,
});

export const editFormFromBody = (body: unknown): EditForm => ({
  title: field(body, 'title').trim(),
  description: field(body, 'description'),
  schema: field(body, 'schema'),
  expected: fields(body, 'expected'),
});

/** The service's changes, or what the form lacks (the service checks the rest). */
export function changesOf(form: EditForm): {
  form: EditForm;
  input: RollupChanges;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  if (!form.title) errors.push({ field: 'title', message: 'Enter a title' });
  const schema = schemaOf(form.schema, errors);
  return {
    form,
    input: { title: form.title, description: form.description, schema, expected: form.expected },
    errors,
  };
}

/**
 * The organisations to tick: every council, and any other organisation expected now (one the
 * API added), so saving the form never drops it unseen.
 */
export function expectedChoices(orgs: readonly Organisation[], form: EditForm) {
  return orgs
    .filter((o) => o.kind === 'council' || form.expected.includes(o.slug))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((o) => ({ value: o.slug, text: o.name, checked: form.expected.includes(o.slug) }));
}
