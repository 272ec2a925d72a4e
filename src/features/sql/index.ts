// The read-only SQL endpoint offers the others only what is exported here: its registration,
// and how to name a table and link to a statement (indicators link to the SQL of their values).

export { registerSql } from './sql.plugin.js';
export { sqlApiUrl, sqlPageUrl, sqlTableName } from './sql-links.js';
export { runSql, type SqlAnswer } from './sql.service.js';
