import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberReport, planMember, type CheckResult, type Column } from './member-checks.js';
import { countsSql, examplesSql } from './sql/member-sql.js';
import { schemaErrors, type TableSchema } from './table-schema.js';

// The validation rules: which columns hold which fields, what is an error and what a warning,
// and (in DuckDB, over a real table) which values fail each check and in which rows.

const SCHEMA: TableSchema = {
  fields: [
    { name: 'ExtractDate', type: 'date', constraints: { required: true } },
    { name: 'OpenedOn', type: 'date', format: '%d/%m/%Y' },
    { name: 'Category', type: 'string', constraints: { enum: ['Female', 'Male', 'Unisex'] } },
    { name: 'ChargeAmount', type: 'number' },
    { name: 'BabyChange', type: 'boolean' },
    { name: 'Cubicles', type: 'integer' },
  ],
};

let db: DuckDBInstance;
let c: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  c = await db.connect();
  // As the datastore leaves a file whose values do not all fit a type: those columns as text.
  await c.run(`CREATE TABLE t AS SELECT * FROM (VALUES
    (1, '2024-06-01', '01/06/2024', 'Unisex', '0.40', 'yes', 2.0),
    (2, '2024-13-45', '31/06/2024', 'unisex', 'free', 'maybe', 1.5),
    (3, NULL,         '02/06/2024', 'Male',   '0',    'false', 3.0),
    (4, '  ',         NULL,         NULL,     NULL,   NULL,    NULL)
  ) v("_id", "ExtractDate", "Opened On", "Category", "ChargeAmount", "BabyChange", "Cubicles")`);
});
afterAll(() => {
  c.closeSync();
  db.closeSync();
});

const COLUMNS: Column[] = [
  { name: 'ExtractDate', type: 'text' },
  { name: 'Opened On', type: 'text' },
  { name: 'Category', type: 'text' },
  { name: 'ChargeAmount', type: 'text' },
  { name: 'BabyChange', type: 'text' },
  { name: 'Cubicles', type: 'decimal' },
];

async function run(columns: Column[]) {
  const plan = planMember(SCHEMA, columns);
  const counts = (await c.runAndReadAll(countsSql('t', plan.checks))).getRowObjectsJson()[0];
  const results: CheckResult[] = [];
  for (const [i, check] of plan.checks.entries()) {
    const rows = (await c.runAndReadAll(examplesSql('t', check))).getRowObjectsJson();
    results.push({
      count: Number(counts?.[`c${String(i)}`]),
      examples: rows.map((r) => ({ row: Number(r.row), value: r.value as string | null })),
    });
  }
  return memberReport(plan, results, Number(counts?.rows), 1);
}

describe('checking a member against the schema', () => {
  it('finds bad dates, wrong types, values outside the enum and missing required values, with their rows', async () => {
    const report = await run(COLUMNS);
    const byKind = (kind: string, field: string) =>
      report.issues.find((i) => i.kind === kind && i.field === field);
    expect(report.status).toBe('fail');
    expect(byKind('bad_date', 'ExtractDate')).toMatchObject({
      count: 1,
      examples: [{ row: 2, value: '2024-13-45' }],
    });
    // A blank value is missing, not a bad date.
    expect(byKind('missing_value', 'ExtractDate')).toMatchObject({ count: 2 });
    expect(byKind('bad_date', 'OpenedOn')).toMatchObject({
      count: 1,
      examples: [{ row: 2, value: '31/06/2024' }],
    });
    expect(byKind('not_in_enum', 'Category')).toMatchObject({
      count: 1,
      examples: [{ row: 2, value: 'unisex' }],
    });
    expect(byKind('not_in_enum', 'Category')?.message).toContain('Female, Male, Unisex');
    expect(byKind('wrong_type', 'ChargeAmount')).toMatchObject({ count: 1 });
    expect(byKind('wrong_type', 'BabyChange')).toMatchObject({
      examples: [{ row: 2, value: 'maybe' }],
    });
    expect(byKind('wrong_type', 'Cubicles')).toMatchObject({
      examples: [{ row: 2, value: '1.5' }],
    });
    // The loosely matched column is read, with a warning to rename it.
    expect(byKind('renamed_field', 'OpenedOn')?.severity).toBe('warning');
    expect(report.issues[0]?.severity).toBe('error');
  });

  it('fails a member without a required column, and only warns of optional and extra ones', () => {
    const plan = planMember(SCHEMA, [
      { name: 'Category', type: 'text' },
      { name: 'Ward', type: 'text' },
    ]);
    const report = memberReport(
      plan,
      plan.checks.map(() => ({ count: 0, examples: [] })),
      3,
      1,
    );
    expect(report.status).toBe('fail');
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.kind)).toEqual([
      'missing_field',
    ]);
    expect(report.issues.find((i) => i.kind === 'extra_field')?.message).toContain('Ward');
    const optional = planMember({ fields: [{ name: 'A', type: 'string' }] }, []);
    expect(memberReport(optional, [], 1, 1).status).toBe('warn');
  });

  it('needs no value check where the datastore already typed the column', () => {
    const plan = planMember(SCHEMA, [
      { name: 'ExtractDate', type: 'date' },
      { name: 'ChargeAmount', type: 'integer' },
      { name: 'BabyChange', type: 'boolean' },
    ]);
    expect(plan.checks.map((ch) => `${ch.kind}:${ch.field.name}`)).toEqual([
      'missing_value:ExtractDate',
    ]);
  });

  it('refuses schemas it cannot check, naming where', () => {
    const errors = schemaErrors({
      fields: [
        { name: 'publisher', type: 'string' },
        { name: 'When', type: 'date', format: 'dd/mm/yyyy' },
        { name: 'when', type: 'string', constraints: { enum: [] } },
      ],
    });
    expect(errors.map((e) => e.field)).toEqual([
      'schema.fields[0].name',
      'schema.fields[1].format',
      'schema.fields[2].name',
      'schema.fields[2].constraints.enum',
    ]);
  });
});
