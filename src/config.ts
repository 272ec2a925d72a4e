import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every setting, its environment variable, default and meaning. docs/configuration.md documents
 * each one and config.test.ts fails when a setting is missing from it.
 */
export const settings = {
  host: { env: 'HOST', kind: 'string', default: '0.0.0.0', doc: 'Interface to listen on.' },
  port: { env: 'PORT', kind: 'integer', default: 8080, doc: 'TCP port to listen on.' },
  baseUrl: {
    env: 'BASE_URL',
    kind: 'string',
    default: '',
    doc: 'Public URL of the site, used in links; defaults to http://localhost:PORT.',
  },
  dataDir: {
    env: 'DATA_DIR',
    kind: 'string',
    default: './data',
    doc: 'Folder for the SQLite catalogue and the local blob store.',
  },
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
  logLevel: {
    env: 'LOG_LEVEL',
    kind: 'string',
    default: 'info',
    doc: 'pino log level: fatal, error, warn, info, debug, trace or silent.',
  },
  maxBodyBytes: {
    env: 'MAX_BODY_BYTES',
    kind: 'integer',
    default: 1_048_576,
    doc: 'Largest JSON request body accepted, in bytes.',
  },
  maxUploadBytes: {
    env: 'MAX_UPLOAD_BYTES',
    kind: 'integer',
    default: 536_870_912,
    doc: 'Largest file upload accepted, in bytes.',
  },
  uploadMaxInflatedBytes: {
    env: 'UPLOAD_MAX_INFLATED_BYTES',
    kind: 'integer',
    default: 1_073_741_824,
    doc: 'Bytes the parts of a zipped upload (an .xlsx workbook) may really inflate to when loaded; its shared strings get an eighth.',
  },
  uploadMaxZipEntries: {
    env: 'UPLOAD_MAX_ZIP_ENTRIES',
    kind: 'integer',
    default: 10_000,
    doc: 'Parts (zip entries) an uploaded .xlsx workbook may have.',
  },
  seedDemo: {
    env: 'SEED_DEMO',
    kind: 'boolean',
    default: true,
    doc: 'Seed the synthetic demo region on first start when the catalogue is empty.',
  },
  trustProxy: {
    env: 'TRUST_PROXY',
    kind: 'boolean',
    default: false,
    doc: 'Trust X-Forwarded-* headers (set behind a reverse proxy).',
  },
  shutdownTimeoutMs: {
    env: 'SHUTDOWN_TIMEOUT_MS',
    kind: 'integer',
    default: 10_000,
    doc: 'How long a graceful stop waits for requests in flight before exiting.',
  },
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
  tokenLastUsedIntervalS: {
    env: 'TOKEN_LAST_USED_INTERVAL_S',
    kind: 'integer',
    default: 60,
    doc: 'How often (seconds) an API token’s last-used time is written, at most.',
  },
  smtpUrl: {
    env: 'SMTP_URL',
    kind: 'string',
    default: '',
    doc: 'SMTP server for outgoing mail, e.g. smtp://user:pass@host:587. Empty: .eml files in DATA_DIR/outbox.',
  },
  mailFrom: {
    env: 'MAIL_FROM',
    kind: 'string',
    default: 'Metrodata <no-reply@localhost>',
    doc: 'The From address of outgoing mail.',
  },
  signInLinkTtlMinutes: {
    env: 'SIGN_IN_LINK_TTL_MINUTES',
    kind: 'integer',
    default: 15,
    doc: 'How long an e-mailed sign-in link works (it works once), in minutes.',
  },
  signUpLinkHours: {
    env: 'SIGN_UP_LINK_HOURS',
    kind: 'integer',
    default: 24,
    doc: 'How long the link e-mailed to confirm a new account works (it works once), in hours.',
  },
  blobSweepIntervalS: {
    env: 'BLOB_SWEEP_INTERVAL_S',
    kind: 'integer',
    default: 60,
    doc: 'How often (seconds) the files of deleted resources are removed from the blob store.',
  },
  jobPollIntervalMs: {
    env: 'JOB_POLL_INTERVAL_MS',
    kind: 'integer',
    default: 1000,
    doc: 'How often (milliseconds) each server looks for due background jobs (sending reports, refreshing the reports dataset).',
  },
  outboundAllowedPrivate: {
    env: 'OUTBOUND_ALLOWED_PRIVATE',
    kind: 'string',
    default: '',
    doc: 'Private, loopback or link-local hosts and networks the harvester and report senders may reach anyway: comma-separated host names, addresses or CIDR ranges.',
  },
  harvestTimeoutMs: {
    env: 'HARVEST_TIMEOUT_MS',
    kind: 'integer',
    default: 30_000,
    doc: 'Time limit of one request of a harvest (a page of a catalogue), redirects included.',
  },
  harvestMaxResponseBytes: {
    env: 'HARVEST_MAX_RESPONSE_BYTES',
    kind: 'integer',
    default: 50_000_000,
    doc: 'Largest answer a harvest reads from a source in one request.',
  },
  harvestMaxRedirects: {
    env: 'HARVEST_MAX_REDIRECTS',
    kind: 'integer',
    default: 5,
    doc: 'Redirects a harvest request follows (each checked like the first).',
  },
  harvestMaxItems: {
    env: 'HARVEST_MAX_ITEMS',
    kind: 'integer',
    default: 20_000,
    doc: 'Datasets one harvest run takes from a source at most; the rest wait for the next run.',
  },
  open311PollIntervalS: {
    env: 'OPEN311_POLL_INTERVAL_S',
    kind: 'integer',
    default: 300,
    doc: 'How often (seconds) the updates of reports sent to bodies by Open311 are read back from their endpoints.',
  },
  reportsDatasetKeepVersions: {
    env: 'REPORTS_DATASET_KEEP_VERSIONS',
    kind: 'integer',
    default: 48,
    doc: 'How many versions of the Citizen reports dataset are kept; older ones (and their files) are removed after each refresh.',
  },
  reportEditMinutes: {
    env: 'REPORT_EDIT_MINUTES',
    kind: 'integer',
    default: 60,
    doc: 'How long after confirming a report its reporter may still edit its description.',
  },
  reportConfirmHours: {
    env: 'REPORT_CONFIRM_HOURS',
    kind: 'integer',
    default: 48,
    doc: 'How long the e-mailed link that confirms a report (or a "me too") works, in hours.',
  },
  reportPhotoMaxBytes: {
    env: 'REPORT_PHOTO_MAX_BYTES',
    kind: 'integer',
    default: 10_000_000,
    doc: 'Largest photo a resident may attach to a report, in bytes (each of up to three).',
  },
  brandColour: {
    env: 'BRAND_COLOUR',
    kind: 'string',
    default: '#1d4f91',
    doc: 'The region’s brand colour for the web pages (header, links to home), as #rrggbb.',
  },
  mapTileUrl: {
    env: 'MAP_TILE_URL',
    kind: 'string',
    default: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    doc: 'Leaflet tile URL template for maps; its origin is allowed in the Content-Security-Policy.',
  },
  mapAttribution: {
    env: 'MAP_ATTRIBUTION',
    kind: 'string',
    default: '© OpenStreetMap contributors',
    doc: 'Attribution shown on maps for the tiles of MAP_TILE_URL.',
  },
  sessionSecret: {
    env: 'SESSION_SECRET',
    kind: 'string',
    default: '',
    doc: 'Secret signing the CSRF cookie. Empty: one is generated once and kept in the database.',
  },
  sessionTtlHours: {
    env: 'SESSION_TTL_HOURS',
    kind: 'integer',
    default: 12,
    doc: 'How long a publisher stays signed in without activity, in hours.',
  },
} as const;

type Settings = typeof settings;
type ValueOf<K extends keyof Settings> = Settings[K]['kind'] extends 'integer'
  ? number
  : Settings[K]['kind'] extends 'boolean'
    ? boolean
    : string;

export type Config = { readonly [K in keyof Settings]: ValueOf<K> };

export class ConfigError extends Error {}

function parseValue(key: string, kind: string, raw: unknown): string | number | boolean {
  if (kind === 'integer') {
    const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new ConfigError(`${key} must be a whole number >= 0, got ${JSON.stringify(raw)}`);
    }
    return n;
  }
  if (kind === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    const s = String(raw).trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(s)) return true;
    if (['0', 'false', 'no', 'off'].includes(s)) return false;
    throw new ConfigError(`${key} must be true or false, got ${JSON.stringify(raw)}`);
  }
  if (typeof raw !== 'string') throw new ConfigError(`${key} must be a string`);
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads the configuration once: defaults, then the JSON file named by METRODATA_CONFIG (keys as
 * in `settings`), then environment variables, then `overrides` (used by tests and the CLI).
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
): Config {
  let fromFile: Record<string, unknown> = {};
  const file = env.METRODATA_CONFIG;
  if (file) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new ConfigError(`Cannot read METRODATA_CONFIG file ${file}: ${(err as Error).message}`);
    }
    const unknown = Object.keys(fromFile).filter((k) => !(k in settings));
    if (unknown.length > 0) {
      throw new ConfigError(`Unknown settings in ${file}: ${unknown.join(', ')}`);
    }
  }
  const out: Record<string, string | number | boolean> = {};
  for (const [key, s] of Object.entries(settings)) {
    const raw: unknown =
      (overrides as Record<string, unknown>)[key] ?? env[s.env] ?? fromFile[key] ?? s.default;
    out[key] = parseValue(s.env, s.kind, raw);
  }
  const config = out as Config;
  if (!LOG_LEVELS.includes(config.logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  if (!/^#[0-9a-f]{6}$/i.test(config.brandColour)) {
    throw new ConfigError('BRAND_COLOUR must be a colour written as #rrggbb');
  }
  if (!/^https?:\/\/[^/]+\//.test(config.mapTileUrl)) {
    throw new ConfigError('MAP_TILE_URL must be an http(s) URL template');
  }
  if (config.dcatPageSize < 1 || config.dcatPageSize > 1000) {
    throw new ConfigError('DCAT_PAGE_SIZE must be between 1 and 1000');
  }
  if (config.reportsDatasetKeepVersions < 1) {
    throw new ConfigError('REPORTS_DATASET_KEEP_VERSIONS must be at least 1');
  }
  if (config.open311PollIntervalS < 10) {
    throw new ConfigError('OPEN311_POLL_INTERVAL_S must be at least 10 (seconds)');
  }
  if (config.port > 65535) throw new ConfigError('PORT must be at most 65535');
  if (config.smtpUrl && !/^smtps?:\/\/[^/]/.test(config.smtpUrl)) {
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  }
  if (config.databaseUrl && !/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  return {
    ...config,
    dataDir: path.resolve(config.dataDir),
    blobDir: path.resolve(config.blobDir || path.join(config.dataDir, 'blobs')),
    baseUrl: (config.baseUrl || `http://localhost:${config.port}`).replace(/\/$/, ''),
  };
}
