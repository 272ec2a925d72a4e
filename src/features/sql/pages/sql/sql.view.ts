import type { DatastoreTable } from '../../../datastore/index.js';
import { sqlTableName, sqlApiUrl, sqlPageUrl } from '../../sql-links.js';
import type { SqlAnswer } from '../../sql.service.js';

// What the /sql page shows: the statement's rows as a table (the first PAGE_ROWS), links to the
// same answer from the API, and the tables the visitor may query.

/** Rows shown on the page; the CSV and JSON links give all SQL_MAX_ROWS. */
export const PAGE_ROWS = 1000;

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

const cellText = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

export function resultView(sql: string, baseUrl: string, answer: SqlAnswer) {
  const numeric = answer.fields.map((f) => NUMERIC.test(f.type));
  return {
    headers: answer.fields.map((f, i) => ({ name: f.name, type: f.type, numeric: numeric[i] })),
    rows: answer.records
      .slice(0, PAGE_ROWS)
      .map((r) =>
        answer.fields.map((f, i) => ({ text: cellText(r[f.name]), numeric: numeric[i] })),
      ),
    count: answer.records.length,
    shown: Math.min(answer.records.length, PAGE_ROWS),
    truncated: answer.truncated,
    elapsedMs: answer.elapsed_ms,
    links: {
      json: sqlApiUrl(baseUrl, sql),
      csv: `${sqlApiUrl(baseUrl, sql)}&format=csv`,
      ndjson: `${sqlApiUrl(baseUrl, sql)}&format=ndjson`,
      share: `${baseUrl}${sqlPageUrl(sql)}`,
    },
  };
}

export function tablesView(tables: DatastoreTable[]) {
  return tables.map((t) => {
    const name = sqlTableName(t.datasetSlug, t.resourceSlug);
    return {
      name,
      title: `${t.datasetTitle}: ${t.resourceName}`,
      rows: t.rows,
      versions: t.versions,
      fields: t.fields,
      tryHref: sqlPageUrl(`SELECT * FROM ${name} LIMIT 100`),
      resourceHref: `/datasets/${encodeURIComponent(t.datasetSlug)}/resources/${t.resourceId}`,
    };
  });
}
