import type { QueryResult } from '../../query.service.js';
import { PAGE_SIZES, TABLE_OPS, type FormError, type TableState } from './table-params.js';
import { apiParams, CURSOR_FROM_ROW, tableHref, withParams } from './table-url.js';

const NUMERIC = new Set(['integer', 'decimal']);
const MAX_CELL = 200;
const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 10 });

/** A value as the table shows it: numbers with separators, long text and geometry cut short. */
export function cellText(value: unknown, type: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && NUMERIC.has(type)) return numberFormat.format(value);
  // Objects are GeoJSON geometries; everything else is a string, number or boolean.
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

function headers(path: string, state: TableState, result: QueryResult) {
  return result.fields
    .filter((f) => f.name !== '_id')
    .map((f) => {
      const dir =
        state.sort === f.name ? 'ascending' : state.sort === `-${f.name}` ? 'descending' : 'none';
      const next = dir === 'ascending' ? `-${f.name}` : f.name;
      return {
        name: f.name,
        type: f.type,
        numeric: NUMERIC.has(f.type),
        ariaSort: dir,
        href: tableHref(path, state, { sort: next, page: 1 }),
        action: dir === 'ascending' ? 'sort descending' : 'sort ascending',
      };
    });
}

/** GOV.UK pagination: the first, last and nearby pages by offset; a deep "Next" by cursor. */
function pagination(path: string, state: TableState, total: number, nextCursor: string | null) {
  const last = Math.max(1, Math.ceil(total / state.limit));
  if (last <= 1 && state.page <= 1) return null;
  const near = new Set([1, last, state.page - 1, state.page, state.page + 1]);
  const items: ({ number: string; href: string; current: boolean } | { ellipsis: true })[] = [];
  let previous = 0;
  for (const n of [...near].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b)) {
    if (n - previous > 1) items.push({ ellipsis: true });
    items.push({
      number: String(n),
      href: tableHref(path, state, { page: n }),
      current: n === state.page,
    });
    previous = n;
  }
  const deep = state.page * state.limit >= CURSOR_FROM_ROW && nextCursor;
  return {
    items,
    previous: state.page > 1 ? { href: tableHref(path, state, { page: state.page - 1 }) } : null,
    next:
      state.page < last
        ? {
            href: tableHref(path, state, {
              page: state.page + 1,
              ...(deep ? { cursor: nextCursor } : {}),
            }),
          }
        : null,
  };
}

/** Everything the table template shows, from the state and the query's result. */
export function tableView(
  path: string,
  resourceId: string,
  baseUrl: string,
  state: TableState,
  result: QueryResult | null,
  errors: FormError[],
) {
  const api = `${baseUrl}/api/v1/resources/${resourceId}`;
  const exportUrl = `/api/v1/resources/${resourceId}/export`;
  const first = (state.page - 1) * state.limit + 1;
  const count = result?.records.length ?? 0;
  const filtered = state.filters.length > 0 || state.q !== '';
  const rowsOf = result
    ? result.records.map((r) =>
        result.fields
          .filter((f) => f.name !== '_id')
          .map((f) => ({ text: cellText(r[f.name], f.type), numeric: NUMERIC.has(f.type) })),
      )
    : [];
  return {
    state,
    errors,
    headers: result ? headers(path, state, result) : [],
    rows: rowsOf,
    total: result?.total ?? 0,
    shownFrom: count ? first : 0,
    shownTo: count ? first + count - 1 : 0,
    filtered,
    pagination: result ? pagination(path, state, result.total, result.next_cursor) : null,
    // One blank row to add a condition to: a form without JavaScript cannot add rows.
    filterRows: [...state.filters, { field: '', op: 'eq', value: '' }].map((f, i) => ({
      ...f,
      n: i + 1,
      errors: Object.fromEntries(
        ['field', 'op', 'value'].map((part) => [
          part,
          errors.find((e) => e.href === `#filter-${part}-${String(i + 1)}`)?.text ?? null,
        ]),
      ),
    })),
    ops: Object.entries(TABLE_OPS).map(([value, text]) => ({ value, text })),
    pageSizes: PAGE_SIZES,
    clearHref: path,
    links: {
      pageCsv: withParams(`${exportUrl}.csv`, apiParams(state, 'page')),
      pageJson: withParams(`${exportUrl}.json`, apiParams(state, 'page')),
      allCsv: withParams(`${exportUrl}.csv`, apiParams(state, 'all')),
      allJson: withParams(`${exportUrl}.json`, apiParams(state, 'all')),
      api: withParams(`${api}/query`, apiParams(state, 'page')),
    },
  };
}
