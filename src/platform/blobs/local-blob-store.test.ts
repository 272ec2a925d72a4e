import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobTooLargeError } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';

describe('LocalBlobStore', () => {
  let dir: string;
  let store: LocalBlobStore;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'blobs-'));
    store = new LocalBlobStore(dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a file with its size and SHA-256 and reads it back', async () => {
    const stored = await store.put('a/b.csv', Readable.from(['x,y\n', '1,2\n']));
    const sha256 = createHash('sha256').update('x,y\n1,2\n').digest('hex');
    expect(stored).toEqual({ key: 'a/b.csv', size: 8, sha256 });
    expect(await text(await store.get('a/b.csv'))).toBe('x,y\n1,2\n');
  });

  it('refuses an oversize file and leaves nothing behind', async () => {
    await expect(
      store.put('big.bin', Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), { maxBytes: 15 }),
    ).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await store.exists('big.bin')).toBe(false);
    expect(await readdir(path.join(dir, '.tmp'))).toEqual([]);
  });

  it('rejects keys that escape the folder', async () => {
    await expect(store.put('../evil', Readable.from(['x']))).rejects.toThrow(/Unsafe/);
  });

  it('removes every blob under a prefix, and nothing beside it', async () => {
    await store.put('resources/r1/a.csv', Readable.from(['a']));
    await store.put('resources/r1/old/b.csv', Readable.from(['b']));
    await store.put('resources/r10/c.csv', Readable.from(['c']));
    await store.deletePrefix('resources/r1/');
    expect(await store.exists('resources/r1/a.csv')).toBe(false);
    expect(await store.exists('resources/r1/old/b.csv')).toBe(false);
    expect(await store.exists('resources/r10/c.csv')).toBe(true);
    await store.deletePrefix('resources/r1/'); // twice is fine: a sweep may repeat
    await expect(store.deletePrefix('resources/r1')).rejects.toThrow(/ends with/);
    await expect(store.deletePrefix('../')).rejects.toThrow(/Unsafe/);
  });
});
