import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  checkKey,
  checkPrefix,
  type BlobStore,
  type PutOptions,
  type StoredBlob,
} from './blob-store.js';
import { meter } from './metered.js';
import { checksumContradicts } from './s3-checksum.js';
import { isNotFound, objectStorageError, storageFailed } from './s3-errors.js';

export interface S3Settings {
  /** Empty: AWS S3 itself, in `region`. */
  endpoint: string;
  region: string;
  bucket: string;
  /** Empty: the AWS SDK's default chain (environment, shared files, instance role). */
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export interface S3StoreOptions {
  /** Keys listed (and deleted) per request; S3's own limit is 1000. Tests use a small one. */
  pageSize?: number;
}

/** Bytes per part of a multipart upload: each part is held in memory while it is sent. */
const PART_SIZE = 8 * 1024 * 1024;
/** Parts sent at once per upload, so an upload holds at most PART_SIZE x this. */
const PARTS_AT_ONCE = 4;

/**
 * Blobs as objects in one bucket of an S3-compatible service (AWS S3, MinIO, Garage, Ceph).
 * Writes stream through a multipart upload, which the service makes visible only when it is
 * completed, so a failed write leaves at most an unfinished upload: aborted at once, or by
 * `sweepTemporary` if the process died.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly where: string;
  private readonly pageSize: number;

  constructor(settings: S3Settings, options: S3StoreOptions = {}) {
    this.bucket = settings.bucket;
    this.where = settings.endpoint || `AWS S3 (${settings.region})`;
    this.pageSize = Math.min(options.pageSize ?? 1000, 1000);
    this.client = new S3Client({
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.accessKeyId
        ? {
            credentials: {
              accessKeyId: settings.accessKeyId,
              secretAccessKey: settings.secretAccessKey,
            },
          }
        : {}),
      // An unreachable service fails in seconds rather than at the operating system's timeout.
      requestHandler: { connectionTimeout: 5_000 },
    });
  }

  /** Runs one call to the service, turning its failures into errors a person can act on. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw objectStorageError(this.where, err);
    }
  }

  async put(key: string, body: Readable, options: PutOptions = {}): Promise<StoredBlob> {
    checkKey(key);
    const metered = meter(options.maxBytes);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: metered.stream, ChecksumAlgorithm: 'SHA256' },
      partSize: PART_SIZE,
      queueSize: PARTS_AT_ONCE,
      // On failure the upload's parts are aborted, so nothing half-written stays behind.
      leavePartsOnError: false,
    });
    const uploaded = upload.done().catch((err: unknown) => {
      // The service failed first: stop reading the body, which would otherwise wait forever.
      metered.stream.destroy(err as Error);
      throw err;
    });
    const [piped, stored] = await Promise.allSettled([pipeline(body, metered.stream), uploaded]);
    // An aborted body is the upload having stopped reading it, when the service failed: the
    // service's error says why.
    if (stored.status === 'rejected' && piped.status === 'rejected' && isAbort(piped.reason)) {
      throw objectStorageError(this.where, stored.reason);
    }
    // The body's own failure (too large, the client went away) explains the most.
    if (piped.status === 'rejected') throw objectStorageError(this.where, piped.reason);
    if (stored.status === 'rejected') throw objectStorageError(this.where, stored.reason);
    const measured = metered.measured();
    await this.verify(key, measured, stored.value.ChecksumSHA256);
    return { key, ...measured };
  }

  /**
   * The service checked each part against the SHA-256 sent with it; the object's size must be
   * what was read, and its checksum not another file's (s3-checksum.ts). A blob that fails is
   * removed.
   */
  private async verify(key: string, measured: Omit<StoredBlob, 'key'>, checksum?: string) {
    const head = await this.call(() =>
      this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })),
    );
    if (head.ContentLength !== measured.size || checksumContradicts(checksum, measured.sha256)) {
      await this.delete(key);
      throw storageFailed(this.where, `stored ${key} unlike the file sent (size or SHA-256)`);
    }
  }

  async get(key: string): Promise<Readable> {
    checkKey(key);
    const res = await this.call(() =>
      this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })),
    );
    if (!(res.Body instanceof Readable)) throw new Error(`No body for blob ${key}`);
    return res.Body;
  }

  async exists(key: string): Promise<boolean> {
    checkKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw objectStorageError(this.where, err);
    }
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.call(() =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })),
    );
  }

  async deletePrefix(prefix: string): Promise<void> {
    checkPrefix(prefix);
    // Each round lists from the start: what the last round found is gone by then.
    for (;;) {
      const page = await this.call(() =>
        this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, MaxKeys: this.pageSize }),
        ),
      );
      const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (keys.length === 0) return;
      const res = await this.call(() =>
        this.client.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys, Quiet: true } }),
        ),
      );
      const failed = res.Errors?.[0];
      if (failed) {
        throw storageFailed(
          this.where,
          `did not delete ${failed.Key ?? prefix}: ${failed.Code ?? ''}`,
        );
      }
    }
  }

  localPath(): null {
    return null;
  }

  /**
   * Aborts the multipart uploads begun more than `maxAgeMs` ago and never completed (a process
   * killed mid-upload): the service keeps their parts, billed, until then.
   */
  async sweepTemporary(maxAgeMs: number, now: number): Promise<number> {
    let removed = 0;
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    for (;;) {
      const page = await this.call(() =>
        this.client.send(
          new ListMultipartUploadsCommand({
            Bucket: this.bucket,
            MaxUploads: this.pageSize,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
          }),
        ),
      );
      for (const u of page.Uploads ?? []) {
        if (!u.Key || !u.UploadId || !u.Initiated) continue;
        if (now - u.Initiated.getTime() <= maxAgeMs) continue;
        const { Key, UploadId } = u;
        await this.call(() =>
          this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId })),
        );
        removed++;
      }
      if (!page.IsTruncated) return removed;
      keyMarker = page.NextKeyMarker;
      uploadIdMarker = page.NextUploadIdMarker;
    }
  }

  async check(): Promise<void> {
    await this.call(() => this.client.send(new HeadBucketCommand({ Bucket: this.bucket })));
  }
}

const isAbort = (err: unknown) => err instanceof Error && err.name === 'AbortError';
