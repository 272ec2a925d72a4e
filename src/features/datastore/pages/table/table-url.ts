import { DEFAULT_LIMIT, filterParam, type TableState } from './table-params.js';

/** From this offset on, "Next" hands on the cursor: skipping rows costs more the deeper it goes. */
export const CURSOR_FROM_ROW = 10_000;

/** The table page's URL for a state: the whole state is in the URL, so any view can be linked. */
export function tableHref(path: string, state: TableState, changes: Partial<TableState> = {}) {
  const s = { ...state, cursor: '', ...changes };
  const p = new URLSearchParams();
  if (s.q) p.append('q', s.q);
  for (const f of s.filters) {
    p.append('field', f.field);
    p.append('op', f.op);
    p.append('value', f.value);
  }
  if (s.sort) p.append('sort', s.sort);
  if (s.limit !== DEFAULT_LIMIT) p.append('limit', String(s.limit));
  if (s.page > 1) p.append('page', String(s.page));
  if (s.cursor && s.page > 1) p.append('cursor', s.cursor);
  const qs = p.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The same rows through the API: GET /query and the export endpoints take these parameters. */
export function apiParams(state: TableState, rows: 'page' | 'all'): URLSearchParams {
  const p = new URLSearchParams();
  for (const f of state.filters) p.append('filter', filterParam(f));
  if (state.q) p.append('q', state.q);
  if (state.sort) p.append('sort', state.sort);
  if (rows === 'page') {
    p.append('limit', String(state.limit));
    if (state.cursor && state.page > 1) p.append('cursor', state.cursor);
    else if (state.page > 1) p.append('offset', String((state.page - 1) * state.limit));
  }
  return p;
}

export function withParams(url: string, params: URLSearchParams): string {
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}
