import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  checkKey,
  checkPrefix,
  type BlobStore,
  type PutOptions,
  type StoredBlob,
} from './blob-store.js';
import { meter } from './metered.js';
import { removeStale } from './stale-files.js';

/** Blobs as files under one folder; writes go to a temporary file renamed into place. */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    return path.join(this.root, checkKey(key));
  }

  async put(key: string, body: Readable, options: PutOptions = {}): Promise<StoredBlob> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const tmpDir = path.join(this.root, '.tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const metered = meter(options.maxBytes);
    try {
      await pipeline(body, metered.stream, createWriteStream(tmp, { flags: 'wx' }));
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return { key, ...metered.measured() };
  }

  get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    return new Promise((resolve, reject) => {
      const stream = createReadStream(file);
      stream.once('open', () => {
        resolve(stream);
      });
      stream.once('error', reject);
    });
  }

  localPath(key: string): string {
    return this.pathOf(key);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    checkPrefix(prefix);
    await rm(this.pathOf(prefix), { recursive: true, force: true });
  }

  sweepTemporary(maxAgeMs: number, now: number): Promise<number> {
    return removeStale(path.join(this.root, '.tmp'), maxAgeMs, now);
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const probe = path.join(this.root, '.ready-check');
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  }
}
