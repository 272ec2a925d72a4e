import type { Field } from '../../field.js';
import type { FilterInput, QueryInput } from '../../query.schemas.js';

export type RawQuery = Record<string, string | string[] | undefined>;

/** The filter operators people can choose, as the API names them, with words for the form. */
export const TABLE_OPS = {
  eq: 'is',
  ne: 'is not',
  lt: 'is less than',
  lte: 'is at most',
  gt: 'is more than',
  gte: 'is at least',
  contains: 'contains',
  starts_with: 'starts with',
  in: 'is one of (separate with |)',
  is_null: 'is empty',
  not_null: 'is not empty',
} as const;
export type TableOp = keyof typeof TABLE_OPS;

export const PAGE_SIZES = [25, 50, 100, 500, 1000] as const;
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface FilterRow {
  field: string;
  op: string;
  value: string;
}

export interface TableState {
  page: number;
  limit: number;
  /** `field` or `-field`, as the API's sort parameter. */
  sort: string;
  q: string;
  filters: FilterRow[];
  /** Opaque: where the previous page ended, so a deep next page starts there without skipping. */
  cursor: string;
}

export interface FormError {
  text: string;
  href: string;
  /** The filter row it belongs to, for the inline error. */
  row?: number;
}

const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
const one = (v: string | string[] | undefined): string => list(v)[0] ?? '';

function positiveInt(v: string, fallback: number): number {
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 1 ? n : fallback;
}

/** The table's state from its URL; nonsense paging falls back to the defaults. */
export function tableStateOf(query: RawQuery): TableState {
  const fields = list(query.field);
  const ops = list(query.op);
  const values = list(query.value);
  // The form sends every row, empty or not, in order, so the three lists line up.
  const filters = fields
    .map((field, i) => ({ field: field.trim(), op: ops[i] ?? 'eq', value: values[i] ?? '' }))
    .filter((f) => f.field !== '');
  return {
    page: positiveInt(one(query.page), 1),
    limit: Math.min(MAX_LIMIT, positiveInt(one(query.limit), DEFAULT_LIMIT)),
    sort: one(query.sort).slice(0, 200),
    q: one(query.q).trim().slice(0, 200),
    filters,
    cursor: one(query.cursor).slice(0, 4000),
  };
}

const needsValue = (op: string) => op !== 'is_null' && op !== 'not_null';

/** Checks the filters against the resource's fields before the query runs. */
export function checkFilters(filters: FilterRow[], fields: Field[]): FormError[] {
  const names = new Set(fields.map((f) => f.name));
  const errors: FormError[] = [];
  filters.forEach((f, row) => {
    const n = String(row + 1);
    if (!names.has(f.field)) {
      errors.push({ text: `Filter ${n}: choose a column`, href: `#filter-field-${n}`, row });
    } else if (!(f.op in TABLE_OPS)) {
      errors.push({ text: `Filter ${n}: choose a condition`, href: `#filter-op-${n}`, row });
    } else if (needsValue(f.op) && f.value.trim() === '') {
      errors.push({
        text: `Filter ${n}: enter a value for ${f.field} ${TABLE_OPS[f.op as TableOp]}`,
        href: `#filter-value-${n}`,
        row,
      });
    }
  });
  return errors;
}

/** A filter as the API's `filter=field:op:value` parameter. */
export const filterParam = (f: FilterRow): string =>
  needsValue(f.op) ? `${f.field}:${f.op}:${f.value}` : `${f.field}:${f.op}`;

function filterInput(f: FilterRow): FilterInput {
  const op = f.op as TableOp;
  if (!needsValue(op)) return { field: f.field, op };
  if (op === 'in') return { field: f.field, op, value: f.value.split('|') };
  return { field: f.field, op, value: f.value };
}

/** The datastore query for the page: offset for near pages, the cursor when one was handed on. */
export function tableQuery(state: TableState): QueryInput {
  const input: QueryInput = { limit: state.limit };
  if (state.filters.length) input.filters = state.filters.map(filterInput);
  if (state.q) input.q = state.q;
  if (state.sort) {
    const desc = state.sort.startsWith('-');
    input.sort = [{ field: desc ? state.sort.slice(1) : state.sort, dir: desc ? 'desc' : 'asc' }];
  }
  if (state.cursor && state.page > 1) input.cursor = state.cursor;
  else if (state.page > 1) input.offset = (state.page - 1) * state.limit;
  return input;
}
