import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkKey, type BlobStore } from './blob-store.js';
import { removeStale } from './stale-files.js';

/**
 * A file used this recently is never evicted: longer than any query's or export's time limit
 * takes to open it. A file DuckDB already has open can go (POSIX keeps an unlinked file readable
 * until it is closed), so this covers only the moment between being handed a path and opening it.
 */
export const IN_USE_MS = 10 * 60 * 1000;
const TMP = '.tmp';
const STALE_DOWNLOAD_MS = 60 * 60 * 1000;

interface Entry {
  size: number;
  usedAt: number;
}

const gone = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/** Writes a blob to a local file, streaming (never the whole file in memory). */
export async function downloadBlob(store: BlobStore, key: string, file: string): Promise<void> {
  await pipeline(await store.get(key), createWriteStream(file, { flags: 'wx' }));
}

/**
 * The node-local read-through cache that gives DuckDB a file path for any blob. A local store's
 * blob is read where it is, with no copy. A remote store's is downloaded once into the cache
 * folder (to a temporary file, then renamed, so a half-downloaded file is never read) and kept,
 * least recently used evicted first once the folder holds more than its limit.
 *
 * Only immutable keys may be read through it (a datastore version's Parquet file never changes
 * under its key: new data is a new version with a new key), so nothing is ever invalidated.
 * Concurrent requests for one key share one download. Each node has its own folder; processes of
 * one node sharing it (the CLI beside the server) are safe: each file's time of last use is its
 * modification time, which every process checks before evicting.
 */
export class BlobCache {
  /** By file name, least recently used first (a Map keeps insertion order). */
  private readonly entries = new Map<string, Entry>();
  private readonly downloads = new Map<string, Promise<string>>();
  private total = 0;

  constructor(
    private readonly store: BlobStore,
    private readonly dir: string,
    private readonly maxBytes: number,
    private readonly inUseMs = IN_USE_MS,
  ) {}

  /** Reads what an earlier run left in the folder, oldest use first, and its dead downloads. */
  async open(now = Date.now()): Promise<this> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (gone(err)) return this; // a local store never makes the folder
      throw err;
    }
    await removeStale(path.join(this.dir, TMP), STALE_DOWNLOAD_MS, now);
    const found = await Promise.all(
      names
        .filter((n) => n !== TMP)
        .map(async (name) => ({ name, stats: await stat(path.join(this.dir, name)) })),
    );
    found.sort((a, b) => a.stats.mtimeMs - b.stats.mtimeMs);
    for (const { name, stats } of found) this.remember(name, stats.size, stats.mtimeMs);
    return this;
  }

  /** Bytes the cache holds, as this process knows. */
  get size(): number {
    return this.total;
  }

  /** A local file holding the blob, for DuckDB to read (downloaded if not already here). */
  async localFile(key: string): Promise<string> {
    const local = this.store.localPath(key);
    if (local) return local;
    const name = fileName(key);
    const file = path.join(this.dir, name);
    if (this.entries.has(name)) {
      if (await this.touch(name, file)) return file;
      this.forget(name); // another process sharing the folder evicted it
    }
    let pending = this.downloads.get(name);
    if (!pending) {
      pending = this.download(key, name).finally(() => this.downloads.delete(name));
      this.downloads.set(name, pending);
    }
    return pending;
  }

  /**
   * Moves in a file made on this node for `key` (a load's Parquet file, just stored), so the
   * first query here needs no download. Nothing happens for a local store, or when the file is
   * on another file system than the cache (a query downloads it then).
   */
  async adopt(key: string, file: string): Promise<void> {
    if (this.store.localPath(key)) return;
    const name = fileName(key);
    await mkdir(this.dir, { recursive: true });
    try {
      await rename(file, path.join(this.dir, name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EXDEV') return;
      throw err;
    }
    const { size } = await stat(path.join(this.dir, name));
    this.remember(name, size, Date.now());
    await this.evict(name);
  }

  private async download(key: string, name: string): Promise<string> {
    const tmp = path.join(this.dir, TMP, randomUUID());
    const file = path.join(this.dir, name);
    await mkdir(path.dirname(tmp), { recursive: true });
    try {
      await downloadBlob(this.store, key, tmp);
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    this.remember(name, (await stat(file)).size, Date.now());
    await this.evict(name);
    return file;
  }

  /** Marks a file used now, in memory and on disk; false if it is no longer there. */
  private async touch(name: string, file: string): Promise<boolean> {
    const now = new Date();
    try {
      await utimes(file, now, now);
    } catch (err) {
      if (gone(err)) return false;
      throw err;
    }
    const entry = this.entries.get(name);
    if (entry) this.remember(name, entry.size, now.getTime());
    return true;
  }

  private remember(name: string, size: number, usedAt: number) {
    this.forget(name);
    this.entries.set(name, { size, usedAt });
    this.total += size;
  }

  private forget(name: string) {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.entries.delete(name);
    this.total -= entry.size;
  }

  /** Removes least recently used files until the cache fits, but never `keep` or one in use. */
  private async evict(keep: string) {
    const now = Date.now();
    for (const [name, entry] of [...this.entries]) {
      if (this.total <= this.maxBytes) return;
      if (name === keep || now - entry.usedAt < this.inUseMs) continue;
      const file = path.join(this.dir, name);
      // Another process sharing the folder may have used it since.
      const usedAt = await stat(file).then(
        (s) => s.mtimeMs,
        () => 0,
      );
      if (now - usedAt < this.inUseMs) {
        this.remember(name, entry.size, usedAt);
        continue;
      }
      this.forget(name);
      await rm(file, { force: true });
    }
  }
}

/** Keys map to flat names (no folders to make or race on); the extension tells what it is. */
const fileName = (key: string) =>
  createHash('sha256').update(checkKey(key)).digest('hex').slice(0, 32) + path.extname(key);
