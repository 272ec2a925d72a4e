// The shapes datastore_search answers records in (`records_format`), and its `_links`.

type Row = Record<string, unknown>;

const text = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

const csvCell = (v: unknown) => {
  const s = text(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

// TSV has no quoting: tabs and line breaks inside a value are escaped, as PostgreSQL's COPY does.
const tsvCell = (v: unknown) =>
  text(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** The records as objects, lists (in the order of `fields`), or CSV/TSV text without a header. */
export function formatRecords(records: Row[], fields: string[], format: string): unknown {
  if (format === 'objects') return records;
  const lists = records.map((r) => fields.map((f) => r[f]));
  if (format === 'lists') return lists;
  const [cell, sep] = format === 'tsv' ? [tsvCell, '\t'] : [csvCell, ','];
  return lists.map((row) => `${row.map(cell).join(sep)}\n`).join('');
}

/**
 * CKAN's `_links`: the URL of this call (path and query) without `offset` as `start`, and with
 * `offset` moved on by `limit` as `next`. A POST's parameters are in its body, so its links are
 * the bare path with only the offset, as CKAN's are.
 */
export function pageLinks(url: string, offset: number, limit: number) {
  const [path = '', query = ''] = url.split('?', 2);
  const start = new URLSearchParams(query);
  start.delete('offset');
  const next = new URLSearchParams(start);
  next.set('offset', String(offset + limit));
  const withQuery = (p: URLSearchParams) => (p.size > 0 ? `${path}?${p.toString()}` : path);
  return { start: withQuery(start), next: withQuery(next) };
}
