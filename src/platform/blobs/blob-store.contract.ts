import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobTooLargeError, type BlobStore } from './blob-store.js';

export interface ContractStore {
  store: BlobStore;
  /** Leaves what a process killed mid-write under `key` would leave (nothing visible). */
  leaveUnfinishedWrite(key: string): Promise<void>;
  cleanup(): Promise<void>;
}

const MiB = 1024 * 1024;
const HOUR = 60 * 60 * 1000;

/** `n` bytes of a pattern that changes every chunk, so a misplaced chunk changes the hash. */
function* chunks(n: number, size = MiB) {
  for (let sent = 0, i = 0; sent < n; sent += size, i++) {
    yield Buffer.alloc(Math.min(size, n - sent), i % 251);
  }
}
const sha256 = (parts: Iterable<Buffer>) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

/**
 * What every BlobStore promises (blob-store.ts), run against each store: the local folder and
 * S3-compatible object storage. Bodies past 8 MiB make the S3 store send several parts.
 */
export function blobStoreContract(
  name: string,
  open: () => ContractStore | Promise<ContractStore>,
) {
  describe(`BlobStore contract: ${name}`, () => {
    let t: ContractStore;
    beforeEach(async () => {
      t = await open();
    });
    afterEach(async () => {
      await t.cleanup();
    });
    /** Nothing half-written is left anywhere, however old it is allowed to be. */
    const nothingUnfinished = async () => {
      expect(await t.store.sweepTemporary(0, Date.now() + HOUR)).toBe(0);
    };

    it('stores a file with its size and SHA-256 and reads it back', async () => {
      const stored = await t.store.put('a/b.csv', Readable.from(['x,y\n', '1,2\n']));
      const digest = createHash('sha256').update('x,y\n1,2\n').digest('hex');
      expect(stored).toEqual({ key: 'a/b.csv', size: 8, sha256: digest });
      expect(await text(await t.store.get('a/b.csv'))).toBe('x,y\n1,2\n');
      expect(await t.store.exists('a/b.csv')).toBe(true);
    });

    it('streams a large file through and reads back the same bytes', async () => {
      const size = 17 * MiB + 123;
      const stored = await t.store.put('big/file.bin', Readable.from(chunks(size)));
      expect(stored).toEqual({ key: 'big/file.bin', size, sha256: sha256(chunks(size)) });
      const back = await buffer(await t.store.get('big/file.bin'));
      expect(back.length).toBe(size);
      expect(sha256([back])).toBe(stored.sha256);
    });

    it('refuses an oversize file and leaves nothing visible or half-written', async () => {
      await expect(
        t.store.put('small.bin', Readable.from(chunks(20, 10)), { maxBytes: 15 }),
      ).rejects.toBeInstanceOf(BlobTooLargeError);
      await expect(
        t.store.put('large.bin', Readable.from(chunks(12 * MiB)), { maxBytes: 10 * MiB }),
      ).rejects.toBeInstanceOf(BlobTooLargeError);
      expect(await t.store.exists('small.bin')).toBe(false);
      expect(await t.store.exists('large.bin')).toBe(false);
      await nothingUnfinished();
    });

    it('leaves nothing visible when the file stops arriving half-way', async () => {
      function* broken() {
        yield* chunks(9 * MiB);
        throw new Error('the client went away');
      }
      await expect(t.store.put('broken.bin', Readable.from(broken()))).rejects.toThrow(
        'the client went away',
      );
      expect(await t.store.exists('broken.bin')).toBe(false);
      await nothingUnfinished();
    });

    it('replaces a blob written again under the same key', async () => {
      await t.store.put('k.txt', Readable.from(['first']));
      await t.store.put('k.txt', Readable.from(['second']));
      expect(await text(await t.store.get('k.txt'))).toBe('second');
    });

    it('deletes a blob, and deleting a missing one is fine', async () => {
      await t.store.put('gone.txt', Readable.from(['x']));
      await t.store.delete('gone.txt');
      expect(await t.store.exists('gone.txt')).toBe(false);
      await t.store.delete('gone.txt');
      await expect(t.store.get('gone.txt')).rejects.toThrow();
    });

    it('removes every blob under a prefix, over several pages, and nothing beside it', async () => {
      for (let i = 0; i < 25; i++) {
        await t.store.put(`resources/r1/${i < 5 ? 'old/' : ''}${i}.csv`, Readable.from([`${i}`]));
      }
      await t.store.put('resources/r10/c.csv', Readable.from(['c']));
      await t.store.deletePrefix('resources/r1/');
      expect(await t.store.exists('resources/r1/7.csv')).toBe(false);
      expect(await t.store.exists('resources/r1/old/2.csv')).toBe(false);
      expect(await t.store.exists('resources/r10/c.csv')).toBe(true);
      await t.store.deletePrefix('resources/r1/'); // twice is fine: a sweep may repeat
      await expect(t.store.deletePrefix('resources/r1')).rejects.toThrow(/ends with/);
    });

    it('rejects keys that could escape their folder', async () => {
      await expect(t.store.put('../evil', Readable.from(['x']))).rejects.toThrow(/Unsafe/);
      await expect(t.store.deletePrefix('../')).rejects.toThrow(/Unsafe/);
    });

    it('sweeps the leftovers of a dead writer once they are old, and only then', async () => {
      await t.leaveUnfinishedWrite('uploads/dead.csv');
      expect(await t.store.sweepTemporary(HOUR, Date.now())).toBe(0);
      expect(await t.store.sweepTemporary(HOUR, Date.now() + 2 * HOUR)).toBe(1);
      await nothingUnfinished();
      expect(await t.store.exists('uploads/dead.csv')).toBe(false);
    });

    it('answers the readiness check', async () => {
      await expect(t.store.check()).resolves.toBeUndefined();
    });
  });
}
