// The shapes datastore_search answers records in (`records_format`), and its `_links`.

type Row = Record<string, unknown>;

const text = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

/** A cell as PostgreSQL's `COPY … csv` writes it (CKAN's csv and tsv records are made so). */
const cell = (sep: string) => (v: unknown) => {
  const s = text(v);
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The records as objects, lists (in the order of `fields`), or CSV/TSV text without a header. */
export function formatRecords(records: Row[], fields: string[], format: string): unknown {
  if (format === 'objects') return records;
  const lists = records.map((r) => fields.map((f) => r[f]));
  if (format === 'lists') return lists;
  const sep = format === 'tsv' ? '\t' : ',';
  return lists.map((row) => `${row.map(cell(sep)).join(sep)}\n`).join('');
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
