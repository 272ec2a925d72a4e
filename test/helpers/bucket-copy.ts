import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3TestServer } from './s3-server.js';

// A bucket copied to a folder and back, as an operator's `aws s3 sync` would (backup tests).

function s3Client(s3: S3TestServer): S3Client {
  const { settings } = s3;
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
}

/** Every object of the bucket into a folder, as `aws s3 sync s3://bucket folder` does. */
export async function copyBucketToFolder(s3: S3TestServer, folder: string): Promise<string[]> {
  const client = s3Client(s3);
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: s3.bucket, ContinuationToken: token }),
    );
    for (const { Key } of page.Contents ?? []) {
      if (!Key) continue;
      const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key }));
      await mkdir(path.dirname(path.join(folder, Key)), { recursive: true });
      if (!object.Body) throw new Error(`No body for ${Key}`);
      await writeFile(path.join(folder, Key), await object.Body.transformToByteArray());
      keys.push(Key);
    }
    token = page.NextContinuationToken;
  } while (token);
  client.destroy();
  return keys;
}

/** The folder's objects into a bucket, as `aws s3 sync folder s3://bucket` does. */
export async function copyFolderToBucket(folder: string, keys: string[], s3: S3TestServer) {
  const client = s3Client(s3);
  for (const Key of keys) {
    const Body = await readFile(path.join(folder, Key));
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key, Body }));
  }
  client.destroy();
}
