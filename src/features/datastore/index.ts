// The datastore offers the others only what is exported here: a resource's data as typed
// fields, queries and charts, file imports and loads, and its API and pages. Everything else in
// this folder (ingest, SQL, exports) is private to it.

export { chartParams, chartQuery, chartStateOf, checkChart } from './charts/chart-params.js';
export { chartPoints, chartSpec } from './charts/chart-spec.js';
export { datastoreStatuses, type DatastoreStatus } from './datastore-status.js';
export { registerDatastore } from './datastore.plugin.js';
export { ROW_ID, type Field, type IngestReport, type Warning } from './field.js';
export { openExport, planExport, type ExportPlan } from './export.service.js';
export { exportJobHandlers } from './export-build.js';
export { queueMissingDownloads, queueRebuild, runDownloadJobs } from './export-backfill.js';
export { importFile, loadNow, type ImportResult } from './import.service.js';
export { isLoadable } from './load.service.js';
export { LOADABLE_FORMATS } from './sources/index.js';
export { AGGREGATES, FieldName, Filter, QueryBody, type QueryInput } from './query.schemas.js';
export { replaceData } from './datastore.service.js';
export { pruneVersions } from './version-retention.service.js';
export { queryResource, versionSource, type QueryResult } from './query.service.js';
export { datastoreResourceData } from './resource-data.js';
export { queryableTables, type DatastoreTable } from './sql-tables.js';
export { onNewVersion, type VersionListener } from './version-listeners.js';
export { defusedCell } from './sql/formula-defuse.js';
export { aggregateSql, seriesSql, type SeriesSqlInput } from './sql/public-sql.js';
