import type { FieldError } from '../../../../platform/errors.js';
import type { FieldLabels } from '../../../../platform/views/forms/form-errors.js';
import { field, fields } from '../../../../platform/views/forms/form-input.js';
import type { RollupInput } from '../../rollup.service.js';
import type { TableSchema } from '../../table-schema.js';

// The "Create a roll-up" form: its fields as typed, and the service's input from them.

export interface RollupForm {
  organisation: string;
  title: string;
  slug: string;
  description: string;
  schema: string;
  expected: string[];
}

export interface OrgChoice {
  slug: string;
  name: string;
}

export const LABELS: FieldLabels = {
  organisation: { label: 'Combined authority', id: 'organisation' },
  title: { label: 'Title', id: 'title' },
  slug: { label: 'Short name for the address', id: 'slug' },
  schema: { label: 'Table Schema', id: 'schema' },
  expected_organisations: { label: 'Expected to contribute', id: 'expected' },
};

export const formFromBody = (body: unknown): RollupForm => ({
  organisation: field(body, 'organisation'),
  title: field(body, 'title').trim(),
  slug: field(body, 'slug').trim(),
  description: field(body, 'description'),
  schema: field(body, 'schema'),
  expected: fields(body, 'expected'),
});

/** Reads the schema the person pasted: JSON with a `fields` list (the service checks the rest). */
export function schemaOf(text: string, errors: FieldError[]): TableSchema {
  try {
    const parsed = JSON.parse(text) as unknown;
    const list = (parsed as { fields?: unknown } | null)?.fields;
    if (
      Array.isArray(list) &&
      list.every((f) => typeof (f as { name?: unknown }).name === 'string')
    ) {
      return parsed as TableSchema;
    }
    errors.push({
      field: 'schema',
      message: 'The schema needs a "fields" list, each with a name and a type',
    });
  } catch {
    errors.push({
      field: 'schema',
      message: 'The schema is not JSON: paste the whole Table Schema file',
    });
  }
  return { fields: [] };
}

export function inputOf(form: RollupForm, orgs: readonly OrgChoice[]) {
  const errors: FieldError[] = [];
  if (!orgs.some((o) => o.slug === form.organisation)) {
    errors.push({ field: 'organisation', message: 'Select the combined authority' });
  }
  if (!form.title) errors.push({ field: 'title', message: 'Enter a title' });
  if (form.slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(form.slug)) {
    errors.push({ field: 'slug', message: 'Use lower-case letters, digits and hyphens only' });
  }
  const input: RollupInput = {
    organisation: form.organisation,
    title: form.title,
    slug: form.slug || undefined,
    description: form.description,
    schema: schemaOf(form.schema, errors),
    expected: form.expected,
  };
  return { form, input, errors };
}

/**
 * The service's schema problems (`schema.fields[2].format`) as one message on the schema box,
 * each naming its field by number, as a person counts: the summary shows them all.
 */
export function rewordSchemaErrors(errors: FieldError[]): FieldError[] {
  const schema = errors.filter((e) => e.field.startsWith('schema.'));
  if (schema.length === 0) return errors;
  const parts = schema.map((e) => {
    const at = /^schema\.fields\[(\d+)\]\.?(.*)$/.exec(e.field);
    if (!at) return `${e.field.slice('schema.'.length)} ${e.message}`;
    const place = `field ${String(Number(at[1]) + 1)}${at[2] ? ` (${at[2]})` : ''}`;
    return `${place}: ${e.message}`;
  });
  const message = parts.join('; ');
  return [
    ...errors.filter((e) => !e.field.startsWith('schema.')),
    { field: 'schema', message: `In the schema, ${message}` },
  ];
}
