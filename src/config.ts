import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settings } from './config-settings.js';

// Reading the settings (config-settings.ts) from the environment, a JSON file and overrides.

export { settings };

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
  if (config.blobStore !== 'local' && config.blobStore !== 's3') {
    throw new ConfigError('BLOB_STORE must be local or s3');
  }
  if (config.blobStore === 's3' && !config.s3Bucket) {
    throw new ConfigError('BLOB_STORE=s3 needs S3_BUCKET, the bucket to keep files in');
  }
  if (config.s3Endpoint && !/^https?:\/\/[^/]/.test(config.s3Endpoint)) {
    throw new ConfigError('S3_ENDPOINT must be an http(s) URL');
  }
  return {
    ...config,
    dataDir: path.resolve(config.dataDir),
    blobDir: path.resolve(config.blobDir || path.join(config.dataDir, 'blobs')),
    cacheDir: path.resolve(config.cacheDir || path.join(config.dataDir, 'cache')),
    baseUrl: (config.baseUrl || `http://localhost:${config.port}`).replace(/\/$/, ''),
  };
}
