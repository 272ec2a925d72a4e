// The query engine (DuckDB) behind the datastore, the read-only SQL endpoint, and DCAT paging.

export const engineSettings = {
  engineThreads: {
    env: 'ENGINE_THREADS',
    kind: 'integer',
    default: 0,
    doc: 'Threads DuckDB uses for loads and queries; 0 means one per CPU core.',
  },
  engineMemoryLimit: {
    env: 'ENGINE_MEMORY_LIMIT',
    kind: 'string',
    default: '1GB',
    doc: 'Memory DuckDB may use before spilling to disk under DATA_DIR/tmp, e.g. 1GB or 512MB.',
  },
  queryTimeoutMs: {
    env: 'QUERY_TIMEOUT_MS',
    kind: 'integer',
    default: 30_000,
    doc: 'A datastore query running longer than this is stopped and answered with 503.',
  },
  // The read-only SQL endpoint (/api/v1/sql, /sql): its own DuckDB instance and limits.
  sqlEnabled: {
    env: 'SQL_ENABLED',
    kind: 'boolean',
    default: true,
    doc: 'Serve the read-only SQL endpoint /api/v1/sql and its page /sql.',
  },
  sqlTimeoutMs: {
    env: 'SQL_TIMEOUT_MS',
    kind: 'integer',
    default: 10_000,
    doc: 'An SQL query running longer than this is interrupted and answered with 503.',
  },
  sqlMaxRows: {
    env: 'SQL_MAX_ROWS',
    kind: 'integer',
    default: 10_000,
    doc: 'Most rows an SQL query returns; past it the answer says truncated: true.',
  },
  sqlMemoryLimit: {
    env: 'SQL_MEMORY_LIMIT',
    kind: 'string',
    default: '512MB',
    doc: 'Memory of the SQL endpoint’s own DuckDB instance, shared by its running queries.',
  },
  sqlThreads: {
    env: 'SQL_THREADS',
    kind: 'integer',
    default: 1,
    doc: 'Threads of the SQL endpoint’s DuckDB instance.',
  },
  sqlMaxConcurrent: {
    env: 'SQL_MAX_CONCURRENT',
    kind: 'integer',
    default: 2,
    doc: 'SQL queries running at once; as many more wait, and past that 429.',
  },
  sqlMaxLength: {
    env: 'SQL_MAX_LENGTH',
    kind: 'integer',
    default: 20_000,
    doc: 'Longest SQL text accepted, in characters.',
  },
  dcatPageSize: {
    env: 'DCAT_PAGE_SIZE',
    kind: 'integer',
    default: 100,
    doc: 'Datasets per page of the DCAT-AP catalogue (/catalog.ttl and the others), 1 to 1000.',
  },
} as const;
