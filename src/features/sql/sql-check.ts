import { DomainError } from '../../platform/errors.js';
import type { ParsedSql } from '../../platform/engine/sandbox.js';
import { BOUNDED, isAllowed, MAX_GENERATED } from './sql-functions.js';

// The safety check of a user's statement, on DuckDB's own terms: DuckDB parses it (json_serialize_
// sql, which serialises SELECT statements only) and this walks the syntax tree it gives. Every
// node kind must be one this knows; every table a plain name (checked against the catalogue
// by the caller), never a table function, a file path that does not name a table, or another
// schema; every function one of DuckDB's ordinary ones (sql-functions.ts). Nothing here reads
// the SQL text itself, so comments, quoting tricks and look-alike characters meet the same
// parser that runs the statement.

export interface CheckedSql {
  /** The table names the statement reads, as written (not CTEs), each once. */
  tables: string[];
  /** Its parameters' names ($name; `$1` and `?` are "1"), each once. */
  params: string[];
}

const refused = (message: string) => new DomainError('invalid', 'sql_refused', message);

const QUERY_NODES = new Set([
  'SELECT_NODE',
  'SET_OPERATION_NODE',
  'RECURSIVE_CTE_NODE',
  'CTE_NODE',
]);
const TABLE_REFS = new Set(['BASE_TABLE', 'JOIN', 'SUBQUERY', 'EXPRESSION_LIST', 'EMPTY']);
const EXPRESSIONS = new Set([
  'FUNCTION',
  'WINDOW',
  'COLUMN_REF',
  'CONSTANT',
  'STAR',
  'SUBQUERY',
  'COMPARISON',
  'CONJUNCTION',
  'OPERATOR',
  'CASE',
  'CAST',
  'BETWEEN',
  'COLLATE',
  'LAMBDA',
  'LAMBDA_REF',
  'PARAMETER',
  'POSITIONAL_REFERENCE',
]);

const TABLE_REF_REFUSALS: Record<string, string> = {
  TABLE_FUNCTION:
    'Table functions (read_csv, read_parquet, glob, query, range, duckdb_settings() …) are not available; query the published tables by name',
  SHOW_REF:
    'DESCRIBE, SHOW and SUMMARIZE are not available; the table list on /sql shows each table’s columns',
  PIVOT: 'PIVOT and UNPIVOT are not available; use GROUP BY with FILTER clauses',
};

/** CTE names may not look like files: a name bound outside its scope must not become a path. */
const FILE_LIKE = /[/\\.:]/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

class Walker {
  readonly tables = new Map<string, string>();
  readonly params = new Set<string>();
  constructor(private readonly functions: ReadonlySet<string>) {}

  visit(value: unknown, scope: ReadonlySet<string>): void {
    if (Array.isArray(value)) {
      for (const v of value) this.visit(v, scope);
      return;
    }
    if (!isObj(value)) return;
    if (typeof value.class === 'string') this.expression(value);
    else if (typeof value.type === 'string' && 'cte_map' in value) scope = this.query(value, scope);
    else if (typeof value.type === 'string' && 'query_location' in value && 'alias' in value) {
      this.tableRef(value, scope);
    }
    for (const v of Object.values(value)) this.visit(v, scope);
  }

  private query(node: Obj, scope: ReadonlySet<string>): ReadonlySet<string> {
    if (!QUERY_NODES.has(text(node.type))) refuseKind(text(node.type));
    const map = isObj(node.cte_map) && Array.isArray(node.cte_map.map) ? node.cte_map.map : [];
    const names = map.map((entry) => (isObj(entry) ? text(entry.key) : ''));
    if (node.type === 'RECURSIVE_CTE_NODE') names.push(text(node.cte_name));
    for (const name of names) {
      if (FILE_LIKE.test(name)) {
        throw refused(`The WITH name "${name}" may not contain / \\ . or :`);
      }
    }
    return names.length ? new Set([...scope, ...names.map((n) => n.toLowerCase())]) : scope;
  }

  private tableRef(ref: Obj, scope: ReadonlySet<string>): void {
    const type = text(ref.type);
    if (!TABLE_REFS.has(type)) {
      throw refused(TABLE_REF_REFUSALS[type] ?? `${type.toLowerCase()} is not available here`);
    }
    if (type !== 'BASE_TABLE') return;
    const name = text(ref.table_name);
    if (text(ref.schema_name) || text(ref.catalog_name)) {
      const qualified = [ref.catalog_name, ref.schema_name, name].filter(text).join('.');
      throw refused(
        `"${qualified}" is not a published table: name tables as "dataset/resource", without a schema`,
      );
    }
    if (ref.at_clause !== null && ref.at_clause !== undefined) {
      throw refused(
        'AT (VERSION => …) is not available; name a past version as "dataset/resource@n"',
      );
    }
    if (scope.has(name.toLowerCase())) return;
    const key = name.toLowerCase();
    if (!this.tables.has(key)) this.tables.set(key, name);
  }

  private expression(e: Obj): void {
    const cls = text(e.class);
    if (!EXPRESSIONS.has(cls)) refuseKind(cls);
    if (cls === 'PARAMETER') this.params.add(text(e.identifier));
    if (cls !== 'FUNCTION' && cls !== 'WINDOW') return;
    const name = text(e.function_name).toLowerCase();
    // The parser writes some literals as main.* calls ([1, 2] is main.list_value).
    const schema = text(e.schema);
    if ((schema && schema !== 'main') || text(e.catalog)) {
      throw refused(`${text(e.catalog) || schema}.${name}() is not available`);
    }
    if (!isAllowed(name, this.functions, cls === 'WINDOW')) {
      throw refused(`The function ${name}() is not available in SQL queries here`);
    }
    const bounded = BOUNDED.get(name);
    if (bounded && cls === 'FUNCTION') checkBounded(name, e, bounded);
  }
}

function refuseKind(kind: string): never {
  throw refused(`${kind.toLowerCase().replaceAll('_', ' ')} is not available in SQL queries here`);
}

/** A size argument must be a whole-number constant within MAX_GENERATED. */
function checkBounded(name: string, e: Obj, positions: number[] | 'all'): void {
  const children = Array.isArray(e.children) ? e.children : [];
  children.forEach((child, i) => {
    if (positions !== 'all' && !positions.includes(i)) return;
    const value =
      isObj(child) && child.class === 'CONSTANT' && isObj(child.value) ? child.value : null;
    const n = value && !value.is_null ? value.value : null;
    if (typeof n !== 'number' || !Number.isInteger(n) || Math.abs(n) > MAX_GENERATED) {
      throw refused(
        `${name}() takes whole-number constants up to ${MAX_GENERATED.toLocaleString('en-GB')} here`,
      );
    }
  });
}

/** Checks DuckDB's parse of a statement; throws a DomainError naming what is refused. */
export function checkSql(parsed: ParsedSql, functions: ReadonlySet<string>): CheckedSql {
  if (parsed.error) {
    // DuckDB says "Only SELECT statements can be serialized" for anything else it parses.
    const message = /only select/i.test(parsed.error_message)
      ? 'Only a single SELECT statement may be run here (no ATTACH, COPY, PRAGMA, SET, CREATE, INSERT, EXPLAIN, PREPARE …)'
      : `The SQL could not be parsed: ${parsed.error_message}`;
    throw new DomainError('invalid', 'sql_invalid', message);
  }
  if (parsed.statements.length !== 1) {
    throw new DomainError(
      'invalid',
      'sql_invalid',
      `Send exactly one SELECT statement (this has ${String(parsed.statements.length)})`,
    );
  }
  const walker = new Walker(functions);
  walker.visit(parsed.statements[0]?.node, new Set());
  return { tables: [...walker.tables.values()], params: [...walker.params] };
}
