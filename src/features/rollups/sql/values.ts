import { sqlIdentifier, sqlLiteral } from '../../../platform/engine/sql.js';
import type { Column, ValueCheck } from '../member-checks.js';
import type { SchemaField, SchemaType } from '../table-schema.js';

// A member's column read as its schema field's type, and the conditions the checks count: the
// one place a roll-up says in SQL what a valid value is, so the check and the combined table
// cannot disagree (a value the check passes is the value the roll-up writes).

export const DUCKDB_TYPES: Record<SchemaType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  datetime: 'TIMESTAMP',
};

const TRUE_VALUES = ['true', 'yes', 'y', '1', 't'];
const FALSE_VALUES = ['false', 'no', 'n', '0', 'f'];
const list = (values: readonly string[]) => values.map((v) => sqlLiteral(v)).join(', ');

/** The column's text, trimmed; NULL when empty. */
const textOf = (c: string) => `NULLIF(trim(CAST(${c} AS VARCHAR)), '')`;

function dateFromText(text: string, field: SchemaField, type: 'DATE' | 'TIMESTAMP'): string {
  const format = field.format ?? 'default';
  const iso = `TRY_CAST(${text} AS ${type})`;
  if (format === 'default') return iso;
  // 'any': ISO, or the day-first dates UK publishers write.
  const pattern = format === 'any' ? '%d/%m/%Y' : format;
  const parsed = `CAST(try_strptime(${text}, ${sqlLiteral(pattern)}) AS ${type})`;
  return format === 'any' ? `COALESCE(${iso}, ${parsed})` : parsed;
}

/** The column's value as the field's type, NULL when it is empty or cannot be read so. */
export function typedValue(field: SchemaField, column: Column): string {
  const c = sqlIdentifier(column.name);
  const text = textOf(c);
  const t = column.type;
  switch (field.type) {
    case 'string':
      return text;
    case 'integer':
      if (t === 'integer') return c;
      if (t === 'decimal') return `CASE WHEN ${c} = trunc(${c}) THEN TRY_CAST(${c} AS BIGINT) END`;
      return t === 'text' ? `TRY_CAST(${text} AS BIGINT)` : 'NULL';
    case 'number':
      if (t === 'integer' || t === 'decimal') return `CAST(${c} AS DOUBLE)`;
      return t === 'text' ? `TRY_CAST(${text} AS DOUBLE)` : 'NULL';
    case 'boolean':
      if (t === 'boolean') return c;
      if (t === 'integer') return `CASE ${c} WHEN 1 THEN true WHEN 0 THEN false END`;
      return t === 'text'
        ? `CASE WHEN lower(${text}) IN (${list(TRUE_VALUES)}) THEN true ` +
            `WHEN lower(${text}) IN (${list(FALSE_VALUES)}) THEN false END`
        : 'NULL';
    case 'date':
      if (t === 'date') return c;
      if (t === 'timestamp') return `CAST(${c} AS DATE)`;
      return t === 'text' ? dateFromText(text, field, 'DATE') : 'NULL';
    case 'datetime':
      if (t === 'timestamp') return c;
      if (t === 'date') return `CAST(${c} AS TIMESTAMP)`;
      return t === 'text' ? dateFromText(text, field, 'TIMESTAMP') : 'NULL';
  }
}

/** The rows a check counts: the ones with the problem. */
export function failing(check: ValueCheck): string {
  const text = textOf(sqlIdentifier(check.column.name));
  switch (check.kind) {
    case 'missing_value':
      return `${text} IS NULL`;
    case 'wrong_type':
    case 'bad_date':
      return `${text} IS NOT NULL AND (${typedValue(check.field, check.column)}) IS NULL`;
    case 'not_in_enum': {
      const allowed = (check.field.constraints?.enum ?? []).map((v) => sqlLiteral(String(v)));
      return `${text} IS NOT NULL AND ${text} NOT IN (${allowed.join(', ')})`;
    }
  }
}
