import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import S3rver from 's3rver';

// An S3-compatible server for the tests, run as a process of its own by s3-server.ts (which says
// why): s3rver behind three small shims. Arguments: its folder, its bucket and its port (0 or
// none: a free one). It prints its port on its first line, and serves how many times each key
// was downloaded at GET /__gets.

const [dir = '', bucket = '', port = '0'] = process.argv.slice(2);

interface DeletingStore {
  deleteObject(bucket: string, key: string): Promise<void>;
}

/**
 * s3rver's DeleteObjects deletes its keys all at once, and each removes its folder once empty:
 * two keys of one folder race and it answers 500. One delete at a time, as a service would.
 */
function serialiseDeletes(s3rver: S3rver) {
  const store = (s3rver as unknown as { store: DeletingStore }).store;
  const deleteObject = store.deleteObject.bind(store);
  let queue = Promise.resolve();
  store.deleteObject = (b, key) => {
    const next = queue.then(() => deleteObject(b, key));
    queue = next.catch(() => undefined);
    return next;
  };
}

/** s3rver keeps a bucket's unfinished multipart uploads here, one folder each (its store). */
const uploadsDir = path.join(dir, bucket, '._S3rver_uploads');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function listUploads(res: ServerResponse) {
  const ids = await readdir(uploadsDir).catch(() => []);
  const uploads = await Promise.all(
    ids.map(async (id) => {
      const keyFile = path.join(uploadsDir, id, 'key');
      const [key, initiated] = [await readFile(keyFile, 'utf8'), (await stat(keyFile)).mtime];
      return (
        `<Upload><Key>${escape(key)}</Key><UploadId>${id}</UploadId>` +
        `<Initiated>${initiated.toISOString()}</Initiated></Upload>`
      );
    }),
  );
  res.writeHead(200, { 'content-type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListMultipartUploadsResult><Bucket>${bucket}` +
      `</Bucket><IsTruncated>false</IsTruncated>${uploads.join('')}</ListMultipartUploadsResult>`,
  );
}

/**
 * s3rver answers NotImplemented to ListMultipartUploads and refuses AbortMultipartUpload, which
 * every real service (AWS S3, MinIO, Garage, Ceph) has: these two are served from s3rver's own
 * folder of unfinished uploads (one page: tests leave a few).
 */
async function multipartOps(req: IncomingMessage, res: ServerResponse, url: URL, key: string) {
  if (req.method === 'GET' && key === '' && url.searchParams.has('uploads')) {
    await listUploads(res);
    return true;
  }
  const uploadId = url.searchParams.get('uploadId');
  if (req.method === 'DELETE' && uploadId && /^[0-9a-f]+$/.test(uploadId)) {
    await rm(path.join(uploadsDir, uploadId), { recursive: true, force: true });
    res.writeHead(204).end();
    return true;
  }
  return false;
}

const s3rver = new S3rver({
  directory: dir,
  silent: true,
  configureBuckets: [{ name: bucket, configs: [] }],
});
await s3rver.configureBuckets();
serialiseDeletes(s3rver);
const handle = s3rver.callback();
const gets: Record<string, number> = {};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://s3');
  if (url.pathname === '/__gets') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(gets));
    return;
  }
  const [, b, ...rest] = url.pathname.split('/');
  const key = b === bucket ? decodeURIComponent(rest.join('/')) : '';
  // A download: the object itself (the SDK adds x-id=GetObject), not a sub-resource of it.
  const download = [...url.searchParams.keys()].every((k) => k === 'x-id');
  if (req.method === 'GET' && key && download) gets[key] = (gets[key] ?? 0) + 1;
  multipartOps(req, res, url, key).then(
    (done) => {
      if (!done) handle(req, res);
    },
    (err: unknown) => {
      res.writeHead(500).end(String(err));
    },
  );
});
server.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
