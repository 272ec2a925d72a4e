import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Config } from '../../src/config.js';
import type { S3Settings } from '../../src/platform/blobs/s3-blob-store.js';

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  settings: S3Settings;
  /** The configuration of an app whose files live in this server's bucket. */
  config: Partial<Config>;
  /** The keys stored under `prefix`, as any S3 client lists them. */
  keys(prefix: string): Promise<string[]>;
  /** How many times each key has been downloaded (GET of the object). */
  gets(): Promise<Record<string, number>>;
  /** Kills the server at once (as a crash would) and keeps its folder, to start it again. */
  kill(): Promise<void>;
  /** Starts it again on the same port over the same folder, after `kill`. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const PROCESS = path.join(import.meta.dirname, 's3-server-process.ts');

/**
 * An S3-compatible server (s3rver, see s3-server-process.ts) on loopback, on a free port, over a
 * temporary folder. It runs as a process of its own because s3rver encrypts ListObjectsV2's
 * continuation tokens with DES, which Node's OpenSSL 3 offers only with --openssl-legacy-provider:
 * without it s3rver answers 500 to any listing longer than one page.
 */
export async function startS3Server(bucket = 'metrodata-test'): Promise<S3TestServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  let server = await spawnS3rver(dir, bucket, '0');
  const port = server.port;
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's own fixed credentials.
  const settings: S3Settings = {
    endpoint,
    region: 'us-east-1',
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    endpoint,
    bucket,
    settings,
    config: {
      blobStore: 's3',
      s3Endpoint: endpoint,
      s3Region: settings.region,
      s3Bucket: bucket,
      s3AccessKeyId: settings.accessKeyId,
      s3SecretAccessKey: settings.secretAccessKey,
      s3ForcePathStyle: true,
    },
    async keys(prefix) {
      const client = new S3Client({
        endpoint,
        region: settings.region,
        forcePathStyle: true,
        credentials: {
          accessKeyId: settings.accessKeyId,
          secretAccessKey: settings.secretAccessKey,
        },
      });
      try {
        const listed = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }),
        );
        return (listed.Contents ?? []).map((o) => o.Key ?? '');
      } finally {
        client.destroy();
      }
    },
    async gets() {
      return (await (await fetch(`${endpoint}/__gets`)).json()) as Record<string, number>;
    },
    async kill() {
      server.child.kill('SIGKILL');
      await server.exited;
    },
    async restart() {
      server = await spawnS3rver(dir, bucket, port);
    },
    async close() {
      server.child.kill();
      await server.exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** s3rver's process over `dir` on `port` ('0': a free one), once it listens. */
async function spawnS3rver(dir: string, bucket: string, port: string) {
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '--import', 'tsx', PROCESS, dir, bucket, port],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const lines = createInterface({ input: child.stdout });
  const listening = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => {
      reject(new Error(`s3rver exited (${String(code)}) before listening`));
    });
  });
  return { child, exited, port: listening };
}
