import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, settings } from './config.js';

describe('configuration', () => {
  it('documents every setting in docs/configuration.md', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../docs/configuration.md'), 'utf8');
    for (const s of Object.values(settings)) {
      expect(doc, `${s.env} is not documented`).toMatch(new RegExp(`\\|\\s*\`${s.env}\`\\s*\\|`));
    }
  });

  it('has working defaults: port 8080, SQLite under ./data, demo seeding on', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('');
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.blobDir).toBe(path.resolve('data/blobs'));
    expect(config.blobStore).toBe('local');
    expect(config.cacheDir).toBe(path.resolve('data/cache'));
    expect(config.seedDemo).toBe(true);
    expect(config.baseUrl).toBe('http://localhost:8080');
  });

  it('reads environment variables with their types', () => {
    const config = loadConfig({
      PORT: '9000',
      SEED_DEMO: 'false',
      MAX_UPLOAD_BYTES: '1000',
      BASE_URL: 'https://data.example/',
    });
    expect(config).toMatchObject({
      port: 9000,
      seedDemo: false,
      maxUploadBytes: 1000,
      baseUrl: 'https://data.example',
    });
  });

  it('reads a JSON file named by METRODATA_CONFIG, under environment variables', () => {
    const file = path.join(tmpdir(), `metrodata-config-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ port: 7000, logLevel: 'warn' }));
    expect(loadConfig({ METRODATA_CONFIG: file })).toMatchObject({ port: 7000, logLevel: 'warn' });
    expect(loadConfig({ METRODATA_CONFIG: file, PORT: '7001' }).port).toBe(7001);
    writeFileSync(file, JSON.stringify({ prot: 7000 }));
    expect(() => loadConfig({ METRODATA_CONFIG: file })).toThrow(/Unknown settings.*prot/);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be at most 65535/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ BLOB_STORE: 'nfs' }, /BLOB_STORE must be local or s3/],
    [{ BLOB_STORE: 's3' }, /BLOB_STORE=s3 needs S3_BUCKET/],
    [{ BLOB_STORE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT must be/],
  ])('refuses a bad value %o with a message naming it', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
