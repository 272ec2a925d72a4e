import { sqlIdentifier } from '../../platform/engine/sql.js';

// How other features point at the SQL endpoint: a table's name as SQL, and links that run a
// statement on the API or open it on the page.

/** A resource's table name as written in SQL: "dataset/resource" (quoted, so as one name). */
export const sqlTableName = (datasetSlug: string, resourceSlug: string): string =>
  sqlIdentifier(`${datasetSlug}/${resourceSlug}`);

/** The API request that runs `sql` (GET, JSON). */
export const sqlApiUrl = (baseUrl: string, sql: string): string =>
  `${baseUrl}/api/v1/sql?q=${encodeURIComponent(sql)}`;

/** The /sql page with `sql` in its box and its result below. */
export const sqlPageUrl = (sql: string): string => `/sql?q=${encodeURIComponent(sql)}`;
