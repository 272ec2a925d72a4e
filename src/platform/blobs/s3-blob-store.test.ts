import { CreateMultipartUploadCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type S3TestServer } from '../../../test/helpers/s3-server.js';
import { DomainError } from '../errors.js';
import { blobStoreContract } from './blob-store.contract.js';
import { S3BlobStore } from './s3-blob-store.js';

let server: S3TestServer;
beforeAll(async () => {
  server = await startS3Server();
});
afterAll(async () => {
  await server.close();
});

blobStoreContract('S3-compatible object storage (s3rver)', () => {
  // A small page makes deletePrefix list and delete 25 keys in three rounds.
  const store = new S3BlobStore(server.settings, { pageSize: 10 });
  const client = new S3Client({
    endpoint: server.endpoint,
    region: server.settings.region,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    store,
    // A process killed mid-upload leaves a multipart upload begun, with a part, never completed.
    async leaveUnfinishedWrite(key) {
      const { UploadId } = await client.send(
        new CreateMultipartUploadCommand({ Bucket: server.bucket, Key: key }),
      );
      await client.send(
        new UploadPartCommand({
          Bucket: server.bucket,
          Key: key,
          UploadId,
          PartNumber: 1,
          Body: 'half',
        }),
      );
    },
    async cleanup() {
      // The bucket is shared by the contract's tests: each leaves it empty for the next.
      for (const prefix of ['a/', 'big/', 'resources/', 'uploads/'])
        await store.deletePrefix(prefix);
      for (const key of ['k.txt', 'gone.txt']) await store.delete(key);
      client.destroy();
    },
  };
});

describe('S3BlobStore', () => {
  it('says which object storage did not answer, without the SDK’s stack', async () => {
    // Nothing listens on port 1 of loopback.
    const store = new S3BlobStore({ ...server.settings, endpoint: 'http://127.0.0.1:1' });
    const failure = await store.check().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).message).toMatch(
      /^Object storage at http:\/\/127\.0\.0\.1:1 did not answer: ECONNREFUSED/,
    );
    await expect(store.put('x.txt', Readable.from(['x']))).rejects.toThrow(/did not answer/);
  });

  it('says object storage stopped answering when it dies while a large file streams in', async () => {
    const dying = await startS3Server('dying');
    try {
      const store = new S3BlobStore(dying.settings);
      const mib = Buffer.alloc(1024 * 1024, 'a');
      async function* body() {
        for (let i = 0; i < 64; i++) {
          // Two parts are on their way when the service goes.
          if (i === 20) await dying.kill();
          yield mib;
        }
      }
      const failure = await store
        .put('big.bin', Readable.from(body()))
        .catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(DomainError);
      expect((failure as DomainError).code).toBe('object_storage_failed');
      expect((failure as DomainError).message).toMatch(
        /^Object storage at http:\/\/127\.0\.0\.1:\d+ /,
      );
    } finally {
      await dying.close();
    }
  });

  it('has no local path: DuckDB reads its files through the node-local cache', () => {
    expect(new S3BlobStore(server.settings).localPath()).toBeNull();
  });
});
