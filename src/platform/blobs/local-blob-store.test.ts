import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobTooLargeError } from './blob-store.js';
import { blobStoreContract } from './blob-store.contract.js';
import { LocalBlobStore } from './local-blob-store.js';

blobStoreContract('local folder', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'blobs-'));
  return {
    store: new LocalBlobStore(dir),
    // A process killed mid-upload leaves its temporary file (LocalBlobStore.put).
    async leaveUnfinishedWrite() {
      await mkdir(path.join(dir, '.tmp'), { recursive: true });
      await writeFile(path.join(dir, '.tmp', 'dead-upload'), 'half');
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

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

  it('gives DuckDB the file itself to read', async () => {
    await store.put('a/b.csv', Readable.from(['x']));
    expect(store.localPath('a/b.csv')).toBe(path.join(dir, 'a/b.csv'));
  });

  it('removes its temporary file when a write is refused', async () => {
    await expect(
      store.put('big.bin', Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), { maxBytes: 15 }),
    ).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await readdir(path.join(dir, '.tmp'))).toEqual([]);
  });
});
