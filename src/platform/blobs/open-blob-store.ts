import { mkdir } from 'node:fs/promises';
import type { Config } from '../../config.js';
import { BlobCache } from './blob-cache.js';
import type { BlobStore } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';

type StoreConfig = Pick<
  Config,
  | 'blobStore'
  | 'blobDir'
  | 's3Endpoint'
  | 's3Region'
  | 's3Bucket'
  | 's3AccessKeyId'
  | 's3SecretAccessKey'
  | 's3ForcePathStyle'
>;

/**
 * The blob store BLOB_STORE names: the local folder (the default) or an S3 bucket. The AWS SDK
 * is loaded only for S3 (it adds half a second to every start otherwise).
 */
export async function openBlobStore(config: StoreConfig): Promise<BlobStore> {
  if (config.blobStore !== 's3') return new LocalBlobStore(config.blobDir);
  const { S3BlobStore } = await import('./s3-blob-store.js');
  return new S3BlobStore({
    endpoint: config.s3Endpoint,
    region: config.s3Region,
    bucket: config.s3Bucket,
    accessKeyId: config.s3AccessKeyId,
    secretAccessKey: config.s3SecretAccessKey,
    forcePathStyle: config.s3ForcePathStyle,
  });
}

/** The folder DuckDB reads blobs from: the local store's own, or the cache of a remote one. */
export const engineBlobDir = (config: Pick<Config, 'blobStore' | 'blobDir' | 'cacheDir'>) =>
  config.blobStore === 's3' ? config.cacheDir : config.blobDir;

/** The node-local cache DuckDB reads a remote store's files through (see blob-cache.ts). */
export async function openBlobCache(
  config: Pick<Config, 'blobStore' | 'cacheDir' | 'cacheMaxBytes'>,
  store: BlobStore,
): Promise<BlobCache> {
  // DuckDB is allowed to read this folder only if it exists when the engine opens.
  if (config.blobStore === 's3') await mkdir(config.cacheDir, { recursive: true });
  return new BlobCache(store, config.cacheDir, config.cacheMaxBytes).open();
}
