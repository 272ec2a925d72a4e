import type { Field } from '../datastore/index.js';
import {
  dateFormatText,
  isRequired,
  typeText,
  type SchemaField,
  type TableSchema,
} from './table-schema.js';

type FieldType = Field['type'];

// What a member's table is checked for against the roll-up's schema, and the report made from
// the counts the engine finds: every problem in words a council's data officer can act on, with
// a few of the rows that have it. Errors leave the member out of the roll-up; warnings do not.

export type IssueKind =
  | 'missing_field'
  | 'missing_optional_field'
  | 'renamed_field'
  | 'extra_field'
  | 'missing_value'
  | 'wrong_type'
  | 'bad_date'
  | 'not_in_enum'
  | 'not_loaded'
  | 'not_public'
  | 'no_rows';

export interface Example {
  /** The row's place in the data, from 1 (the row after a CSV file's header is row 1). */
  row: number;
  value: string | null;
}

export interface Issue {
  severity: 'error' | 'warning';
  kind: IssueKind;
  field: string | null;
  /** Rows with the problem (columns, for missing and extra columns). */
  count: number;
  message: string;
  examples: Example[];
}

export type MemberStatus = 'pass' | 'warn' | 'fail';

export interface MemberReport {
  status: MemberStatus;
  version: number | null;
  rows: number;
  issues: Issue[];
}

export interface Column {
  name: string;
  type: FieldType;
}

/** A schema field and the member's column that holds it (null: the member has none). */
export interface Match {
  field: SchemaField;
  column: Column | null;
}

/** A check of every row of one column, counted by the engine. */
export interface ValueCheck {
  kind: 'missing_value' | 'wrong_type' | 'bad_date' | 'not_in_enum';
  field: SchemaField;
  column: Column;
}

export interface MemberPlan {
  matches: Match[];
  /** Columns named differently from the schema, found by a loose match ("extract date"). */
  renamed: Match[];
  extra: string[];
  checks: ValueCheck[];
}

/** A name without case, spaces, underscores or hyphens: "Extract date" is ExtractDate. */
const loose = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether a value of this column can fail to be read as the field's type. */
function mayFailCast(field: SchemaField, type: FieldType): boolean {
  switch (field.type) {
    case 'string':
      return false;
    case 'integer':
      return type !== 'integer';
    case 'number':
      return type !== 'integer' && type !== 'decimal';
    case 'boolean':
      return type !== 'boolean';
    case 'date':
      return type !== 'date' && type !== 'timestamp';
    case 'datetime':
      return type !== 'timestamp' && type !== 'date';
  }
}

/** Which column holds each schema field, and the checks to run on the member's rows. */
export function planMember(schema: TableSchema, columns: readonly Column[]): MemberPlan {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const used = new Set<string>();
  const matches: Match[] = schema.fields.map((field) => {
    const exact = byName.get(field.name);
    if (exact) used.add(exact.name);
    return { field, column: exact ?? null };
  });
  const renamed: Match[] = [];
  for (const m of matches) {
    if (m.column) continue;
    const found = columns.find((c) => !used.has(c.name) && loose(c.name) === loose(m.field.name));
    if (!found) continue;
    used.add(found.name);
    m.column = found;
    renamed.push(m);
  }
  const checks: ValueCheck[] = [];
  for (const { field, column } of matches) {
    if (!column) continue;
    if (isRequired(field)) checks.push({ kind: 'missing_value', field, column });
    if (mayFailCast(field, column.type)) {
      const kind = field.type === 'date' || field.type === 'datetime' ? 'bad_date' : 'wrong_type';
      checks.push({ kind, field, column });
    }
    if (field.constraints?.enum?.length) checks.push({ kind: 'not_in_enum', field, column });
  }
  const extra = columns.map((c) => c.name).filter((n) => !used.has(n));
  return { matches, renamed, extra, checks };
}

/** What the engine found for one check. */
export interface CheckResult {
  count: number;
  examples: Example[];
}

const rowsText = (n: number) => (n === 1 ? '1 row has' : `${n.toLocaleString('en-GB')} rows have`);

function valueIssue(check: ValueCheck, found: CheckResult): Issue {
  const { field } = check;
  const name = field.name;
  const messages: Record<ValueCheck['kind'], string> = {
    missing_value: `${rowsText(found.count)} no ${name}, which the schema requires: fill it in.`,
    wrong_type: `${rowsText(found.count)} a ${name} that is not ${typeText(field)}: correct those values.`,
    bad_date: `${rowsText(found.count)} a ${name} that is not a date the schema accepts: write them as ${dateFormatText(field)}.`,
    not_in_enum: `${rowsText(found.count)} a ${name} that is not one of the allowed values (${(field.constraints?.enum ?? []).map(String).join(', ')}): use one of them, spelt exactly so.`,
  };
  return {
    severity: 'error',
    kind: check.kind,
    field: name,
    count: found.count,
    message: messages[check.kind],
    examples: found.examples,
  };
}

/** Problems the columns alone show: required columns missing, others missing, renamed, extra. */
function columnIssues(plan: MemberPlan): Issue[] {
  const issues: Issue[] = [];
  for (const { field, column } of plan.matches) {
    if (column) continue;
    const required = isRequired(field);
    issues.push({
      severity: required ? 'error' : 'warning',
      kind: required ? 'missing_field' : 'missing_optional_field',
      field: field.name,
      count: 1,
      message: required
        ? `There is no ${field.name} column, which the schema requires: add a column named ${field.name} (${typeText(field)}).`
        : `There is no ${field.name} column; the roll-up leaves it empty for your rows.`,
      examples: [],
    });
  }
  for (const { field, column } of plan.renamed) {
    issues.push({
      severity: 'warning',
      kind: 'renamed_field',
      field: field.name,
      count: 1,
      message: `The column “${column?.name ?? ''}” is read as ${field.name}; rename it ${field.name} to match the schema.`,
      examples: [],
    });
  }
  if (plan.extra.length > 0) {
    issues.push({
      severity: 'warning',
      kind: 'extra_field',
      field: null,
      count: plan.extra.length,
      message: `Columns the schema does not have are left out of the roll-up: ${plan.extra.join(', ')}.`,
      examples: [],
    });
  }
  return issues;
}

/** pass: no problem; warn: combined, with something to tidy; fail: left out until corrected. */
export function statusOf(issues: readonly Issue[]): MemberStatus {
  if (issues.some((i) => i.severity === 'error')) return 'fail';
  return issues.length > 0 ? 'warn' : 'pass';
}

/** The member's report from its plan and what the engine counted (in the plan's check order). */
export function memberReport(
  plan: MemberPlan,
  results: readonly CheckResult[],
  rows: number,
  version: number,
): MemberReport {
  const issues = columnIssues(plan);
  plan.checks.forEach((check, i) => {
    const found = results[i];
    if (found && found.count > 0) issues.push(valueIssue(check, found));
  });
  if (rows === 0) {
    issues.push({
      severity: 'warning',
      kind: 'no_rows',
      field: null,
      count: 0,
      message: 'The table has no rows, so it adds nothing to the roll-up.',
      examples: [],
    });
  }
  // Errors first, so the report starts with what keeps the member out.
  issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { status: statusOf(issues), version, rows, issues };
}

/** The report of a member whose data cannot be read at all. */
export function unreadableReport(kind: 'not_loaded' | 'not_public'): MemberReport {
  const message =
    kind === 'not_loaded'
      ? 'The resource has no data in the datastore yet: upload the file as CSV or a spreadsheet so it can be checked.'
      : 'The resource is not public (its dataset is private, a draft or deleted); a roll-up combines public data only.';
  return {
    status: 'fail',
    version: null,
    rows: 0,
    issues: [{ severity: 'error', kind, field: null, count: 0, message, examples: [] }],
  };
}
