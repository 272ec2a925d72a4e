import type { FieldError } from '../../platform/errors.js';

// The Frictionless Table Schema a roll-up's members follow (https://specs.frictionlessdata.io/
// table-schema/), in the part a roll-up checks: each field's name, type, date format, and its
// `required` and `enum` constraints. Other keys (title, description, primaryKey ...) are kept
// and shown, not checked.

export const SCHEMA_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'datetime'] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

export interface SchemaField {
  name: string;
  type: SchemaType;
  /** Dates: 'default' (YYYY-MM-DD), 'any', or a strptime pattern such as '%d/%m/%Y'. */
  format?: string;
  title?: string;
  description?: string;
  constraints?: { required?: boolean; enum?: (string | number | boolean)[] };
}

export interface TableSchema {
  fields: SchemaField[];
  [key: string]: unknown;
}

/** The column every roll-up adds: the member's organisation. */
export const PUBLISHER_COLUMN = 'publisher';

/** The largest schema a roll-up takes (the standards have a few dozen fields). */
export const MAX_FIELDS = 200;

const isDateType = (t: SchemaType) => t === 'date' || t === 'datetime';

export const isRequired = (f: SchemaField) => f.constraints?.required === true;

/**
 * The schema's problems, in words a publisher can act on (`field` names where in the schema):
 * unknown types, names given twice or clashing with the publisher column, a date format that
 * is not a strptime pattern, an empty enum.
 */
export function schemaErrors(schema: TableSchema): FieldError[] {
  const errors: FieldError[] = [];
  const at = (i: number, part = '') => `schema.fields[${String(i)}]${part}`;
  if (schema.fields.length === 0) errors.push({ field: 'schema.fields', message: 'has no fields' });
  if (schema.fields.length > MAX_FIELDS) {
    errors.push({ field: 'schema.fields', message: `has more than ${String(MAX_FIELDS)} fields` });
  }
  const seen = new Set<string>();
  schema.fields.forEach((f, i) => {
    const key = f.name.trim().toLowerCase();
    if (!f.name.trim()) errors.push({ field: at(i, '.name'), message: 'is empty' });
    else if (seen.has(key)) {
      errors.push({ field: at(i, '.name'), message: `${f.name} is given twice` });
    }
    seen.add(key);
    if (key === PUBLISHER_COLUMN) {
      errors.push({
        field: at(i, '.name'),
        message: `${PUBLISHER_COLUMN} is the column the roll-up adds; name the field otherwise`,
      });
    }
    if (!(SCHEMA_TYPES as readonly string[]).includes(f.type)) {
      errors.push({
        field: at(i, '.type'),
        message: `${f.type} is not a type roll-ups check; use one of ${SCHEMA_TYPES.join(', ')}`,
      });
    }
    const format = f.format;
    if (format !== undefined && isDateType(f.type)) {
      if (format !== 'default' && format !== 'any' && !format.includes('%')) {
        errors.push({
          field: at(i, '.format'),
          message: 'must be default, any, or a pattern such as %d/%m/%Y',
        });
      }
    }
    if (f.constraints?.enum?.length === 0) {
      errors.push({ field: at(i, '.constraints.enum'), message: 'lists no values' });
    }
  });
  return errors;
}

/** How a date field's values are written, in words ("dates like 2024-01-31"). */
export function dateFormatText(f: SchemaField): string {
  const format = f.format ?? 'default';
  if (format === 'any') return 'dates';
  if (format !== 'default') return `dates in the form ${format}`;
  return f.type === 'date'
    ? 'dates in the form YYYY-MM-DD (like 2024-01-31)'
    : 'dates and times like 2024-01-31T09:30:00';
}

/** What a field's values must be, in words, for a report. */
export function typeText(f: SchemaField): string {
  switch (f.type) {
    case 'string':
      return 'text';
    case 'integer':
      return 'whole numbers';
    case 'number':
      return 'numbers';
    case 'boolean':
      return 'true or false';
    case 'date':
    case 'datetime':
      return dateFormatText(f);
  }
}
