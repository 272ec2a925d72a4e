import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startS3Server, type S3TestServer } from '../../../test/helpers/s3-server.js';
import { BlobCache } from './blob-cache.js';
import { LocalBlobStore } from './local-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

let server: S3TestServer;
let store: S3BlobStore;
beforeAll(async () => {
  server = await startS3Server();
  store = new S3BlobStore(server.settings);
});
afterAll(async () => {
  await server.close();
});

describe('BlobCache over object storage', () => {
  let dir: string;
  let prefix: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cache-'));
    prefix = `v${path.basename(dir)}/`;
  });
  afterEach(async () => {
    await store.deletePrefix(prefix);
    await rm(dir, { recursive: true, force: true });
  });
  const put = (name: string, bytes = 100) =>
    store.put(`${prefix}${name}`, Readable.from([Buffer.alloc(bytes, name)]));
  const gets = async (name: string) => (await server.gets())[`${prefix}${name}`] ?? 0;

  it('downloads a blob once however many queries want it at the same moment', async () => {
    await put('a.parquet', 50_000);
    const cache = new BlobCache(store, dir, 1_000_000);
    const files = await Promise.all(
      Array.from({ length: 8 }, () => cache.localFile(`${prefix}a.parquet`)),
    );
    expect(new Set(files).size).toBe(1);
    expect(await gets('a.parquet')).toBe(1);
    expect((await readFile(files[0] ?? '')).equals(Buffer.alloc(50_000, 'a.parquet'))).toBe(true);
    // Later reads are served from the folder.
    await cache.localFile(`${prefix}a.parquet`);
    expect(await gets('a.parquet')).toBe(1);
    expect(await readdir(path.join(dir, '.tmp'))).toEqual([]);
  });

  it('evicts the least recently used file past its limit, and fetches it again when asked', async () => {
    for (const name of ['a', 'b', 'c']) await put(name);
    const cache = new BlobCache(store, dir, 250, 0);
    const a = await cache.localFile(`${prefix}a`);
    const b = await cache.localFile(`${prefix}b`);
    await cache.localFile(`${prefix}a`); // a is now used more recently than b
    const c = await cache.localFile(`${prefix}c`);
    expect([existsSync(a), existsSync(b), existsSync(c)]).toEqual([true, false, true]);
    expect(cache.size).toBe(200);
    expect(await cache.localFile(`${prefix}b`)).toBe(b);
    expect(await gets('b')).toBe(2);
    expect(existsSync(a)).toBe(false); // a was the least recently used by then
    expect(await gets('a')).toBe(1);
  });

  it('never evicts a file a query may be about to open', async () => {
    for (const name of ['a', 'b']) await put(name);
    const cache = new BlobCache(store, dir, 150);
    const files = [await cache.localFile(`${prefix}a`), await cache.localFile(`${prefix}b`)];
    expect(files.map((f) => existsSync(f))).toEqual([true, true]);
    expect(cache.size).toBe(200);
  });

  it('keeps what an earlier run downloaded, and forgets a file removed behind its back', async () => {
    await put('a');
    const first = await new BlobCache(store, dir, 1000).open();
    const file = await first.localFile(`${prefix}a`);
    const second = await new BlobCache(store, dir, 1000).open();
    expect(second.size).toBe(100);
    expect(await second.localFile(`${prefix}a`)).toBe(file);
    expect(await gets('a')).toBe(1);
    await rm(file); // another process sharing the folder evicted it
    expect(await readFile(await second.localFile(`${prefix}a`))).toHaveLength(100);
    expect(await gets('a')).toBe(2);
  });

  it('takes in a file made on this node, so its first query downloads nothing', async () => {
    await put('v.parquet');
    const made = path.join(dir, 'made.parquet');
    await writeFile(made, Buffer.alloc(100, 'v.parquet'));
    const cache = new BlobCache(store, path.join(dir, 'cache'), 1000);
    await cache.adopt(`${prefix}v.parquet`, made);
    expect(await readFile(await cache.localFile(`${prefix}v.parquet`))).toHaveLength(100);
    expect(await gets('v.parquet')).toBe(0);
  });

  it('fails clearly when the blob is missing, leaving no partial file', async () => {
    const cache = new BlobCache(store, dir, 1000);
    await expect(cache.localFile(`${prefix}missing`)).rejects.toThrow(/Object storage at/);
    expect(await readdir(path.join(dir, '.tmp'))).toEqual([]);
    expect(cache.size).toBe(0);
  });
});

describe('BlobCache over the local folder', () => {
  it('hands DuckDB the blob itself: no copy, no cache folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cache-local-'));
    try {
      const local = new LocalBlobStore(path.join(dir, 'blobs'));
      await local.put('datastore/r/v.parquet', Readable.from(['x']));
      const cache = await new BlobCache(local, path.join(dir, 'cache'), 1000).open();
      expect(await cache.localFile('datastore/r/v.parquet')).toBe(
        path.join(dir, 'blobs', 'datastore/r/v.parquet'),
      );
      expect(existsSync(path.join(dir, 'cache'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
