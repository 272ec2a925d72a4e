// Where things are kept: the catalogue database, files (a local folder or object storage)
// and the node-local cache DuckDB reads them from.

export const storageSettings = {
  databaseUrl: {
    env: 'DATABASE_URL',
    kind: 'string',
    default: '',
    doc: 'PostgreSQL connection URL. Empty: an SQLite file at DATA_DIR/metrodata.sqlite.',
  },
  databasePoolSize: {
    env: 'DATABASE_POOL_SIZE',
    kind: 'integer',
    default: 10,
    doc: 'Maximum PostgreSQL connections per process.',
  },
  sqliteCacheMib: {
    env: 'SQLITE_CACHE_MIB',
    kind: 'integer',
    default: 128,
    doc: 'Most memory SQLite may keep database pages in, in MiB; used only as the catalogue grows.',
  },
  blobDir: {
    env: 'BLOB_DIR',
    kind: 'string',
    default: '',
    doc: 'Folder of the local blob store. Empty: DATA_DIR/blobs.',
  },
  // Object storage (BLOB_STORE=s3) and the node-local cache DuckDB reads its Parquet files from.
  blobStore: {
    env: 'BLOB_STORE',
    kind: 'string',
    default: 'local',
    doc: 'Where files live: local (the folder BLOB_DIR) or s3 (an S3-compatible bucket, S3_*).',
  },
  s3Endpoint: {
    env: 'S3_ENDPOINT',
    kind: 'string',
    default: '',
    doc: 'URL of the S3-compatible service, e.g. http://minio:9000. Empty: AWS S3 in S3_REGION.',
  },
  s3Region: {
    env: 'S3_REGION',
    kind: 'string',
    default: 'us-east-1',
    doc: 'Region of the bucket (most S3-compatible services accept any).',
  },
  s3Bucket: {
    env: 'S3_BUCKET',
    kind: 'string',
    default: '',
    doc: 'The bucket holding every file; required when BLOB_STORE=s3.',
  },
  s3AccessKeyId: {
    env: 'S3_ACCESS_KEY_ID',
    kind: 'string',
    default: '',
    doc: 'Access key of the bucket. Empty: the AWS SDK’s own chain (environment, instance role).',
  },
  s3SecretAccessKey: {
    env: 'S3_SECRET_ACCESS_KEY',
    kind: 'string',
    default: '',
    doc: 'Secret key belonging to S3_ACCESS_KEY_ID.',
  },
  s3ForcePathStyle: {
    env: 'S3_FORCE_PATH_STYLE',
    kind: 'boolean',
    default: false,
    doc: 'Address the bucket as ENDPOINT/BUCKET rather than BUCKET.ENDPOINT (MinIO, Garage, Ceph).',
  },
  cacheDir: {
    env: 'CACHE_DIR',
    kind: 'string',
    default: '',
    doc: 'Node-local folder of files fetched from object storage for DuckDB. Empty: DATA_DIR/cache.',
  },
  cacheMaxBytes: {
    env: 'CACHE_MAX_BYTES',
    kind: 'integer',
    default: 10_737_418_240,
    doc: 'Bytes CACHE_DIR may hold before the least recently used files are removed (10 GiB).',
  },
} as const;
