import type { Readable } from 'node:stream';

export interface StoredBlob {
  key: string;
  size: number;
  sha256: string;
}

export interface PutOptions {
  /** Stop with BlobTooLargeError once more than this many bytes have arrived. */
  maxBytes?: number;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${maxBytes} bytes`);
  }
}

/** Where files live: a local folder by default, object storage at scale. Keys are opaque. */
export interface BlobStore {
  /** Streams `body` in; the blob becomes visible only once complete (never half-written). */
  put(key: string, body: Readable, options?: PutOptions): Promise<StoredBlob>;
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Removes every blob whose key starts with `prefix` (a folder-like prefix ending in "/"). */
  deletePrefix(prefix: string): Promise<void>;
  /** The blob's own file, or null when the store is remote (BlobCache then downloads a copy). */
  localPath(key: string): string | null;
  /**
   * Removes the temporary files of writes that never finished (a process killed mid-upload)
   * in which nothing has changed for `maxAgeMs`; returns how many.
   */
  sweepTemporary(maxAgeMs: number, now: number): Promise<number>;
  /** Ready to read and write (for /readyz). */
  check(): Promise<void>;
}

const SAFE_KEY = /^[a-zA-Z0-9][a-zA-Z0-9._/-]*$/;

/** The keys every store accepts: plain path-like names that cannot climb out of a folder. */
export function checkKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`Unsafe blob key: ${key}`);
  return key;
}

export function checkPrefix(prefix: string): string {
  if (!prefix.endsWith('/')) throw new Error(`A blob prefix ends with "/": ${prefix}`);
  return checkKey(prefix);
}
