import { PassThrough, type Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { AppContext } from '../../../context.js';
import type { Actor } from '../../accounts/index.js';
import { openExport, planExport, type ExportPlan } from '../../datastore/index.js';
import { packageDescriptor, type PackageParts, type TabularPart } from './descriptor.js';

/** Inside the zip, each tabular resource's CSV sits under data/, named as in the package. */
export const zipPath = (part: TabularPart) => `data/${part.name}.csv`;

/**
 * Every export planned before a byte is sent, so a refusal is still a clean 4xx; each is the
 * datastore's own CSV export (the same bytes as /export.csv with the same columns).
 */
export function planZip(ctx: AppContext, actor: Actor, parts: PackageParts) {
  return Promise.all(
    parts.tabular.map((p) =>
      planExport(ctx, actor, p.resourceId, 'csv', p.columns ? { fields: p.columns } : {}),
    ),
  );
}

/**
 * The package as a zip, streamed: the descriptor, then each CSV, deflated as it comes. yazl asks
 * for an entry's stream only when it reaches it, so one export runs at a time and memory stays
 * flat whatever the size; `signal` (the client leaving) stops the running export.
 */
export function packageZip(
  ctx: AppContext,
  parts: PackageParts,
  plans: ExportPlan[],
  signal: AbortSignal,
): Readable {
  const zip = new ZipFile();
  const descriptor = packageDescriptor(parts, ctx.config.baseUrl, zipPath);
  const mtime = new Date(parts.dataset.modified_at);
  zip.addBuffer(Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`), 'datapackage.json', {
    mtime,
  });
  // A failed export ends the download short (its headers are sent): the client sees an error.
  // yazl pipes an entry's stream without listening for its errors, so they are caught here.
  const out = new PassThrough();
  const fail = (err: Error) => out.destroy(err);
  let current: Readable | null = null;
  signal.addEventListener('abort', () => current?.destroy());
  parts.tabular.forEach((part, i) => {
    const plan = plans[i];
    if (!plan) return;
    zip.addReadStreamLazy(zipPath(part), { mtime }, (cb) => {
      openExport(ctx, plan, signal).then(
        (body) => {
          current = body.stream;
          body.stream.on('error', fail);
          cb(null, body.stream);
        },
        (err: unknown) => {
          cb(err instanceof Error ? err : new Error(String(err)), undefined as never);
        },
      );
    });
  });
  zip.on('error', fail);
  zip.outputStream.pipe(out);
  zip.end();
  return out;
}
