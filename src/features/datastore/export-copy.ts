import { mkdtemp, open, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AppContext } from '../../context.js';
import { prepare, type SqlParam } from '../../platform/engine/engine.js';
import { exportEngine } from './export-engine.js';
import { copySql } from './sql/copy.js';

export interface ExportBody {
  stream: Readable;
  /** Bytes, when known before sending (files written by COPY). */
  size: number | null;
}

/**
 * An export whose COPY has written this much and is still going is sent as it is written
 * (without Content-Length); a smaller one is sent whole, with its length.
 */
const STREAM_AFTER_BYTES = 4 * 1024 * 1024;
const POLL_MS = 10;
const CHUNK = 256 * 1024;

/** The file between two bits of text; stopping early closes the file. */
async function* wrapped(
  before: Buffer | undefined,
  file: AsyncIterable<Buffer>,
  after: Buffer | undefined,
) {
  if (before) yield before;
  for await (const chunk of file) yield chunk;
  if (after) yield after;
}

const sizeOf = (file: string) =>
  stat(file).then(
    (s) => s.size,
    () => 0,
  );

/**
 * The bytes of a file that DuckDB is still writing, as they come: read to the end, wait a
 * moment, read again, until the COPY has finished and the last bytes are read. A COPY that
 * fails ends the stream with its error (the client sees a cut-short download).
 */
async function* follow(handle: FileHandle, copy: Promise<Error | null>): AsyncGenerator<Buffer> {
  let position = 0;
  const state = { finished: false };
  void copy.then(() => (state.finished = true));
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
    if (bytesRead > 0) {
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
      continue;
    }
    if (state.finished) {
      const err = await copy;
      if (err) throw err;
      // Written in full before `finished` was seen? Only an empty read after it is the end.
      const last = await handle.read(buffer, 0, CHUNK, position);
      if (last.bytesRead === 0) return;
      position += last.bytesRead;
      yield buffer.subarray(0, last.bytesRead);
      continue;
    }
    await Promise.race([copy, sleep(POLL_MS)]);
  }
}

/**
 * Writes the query's rows with DuckDB's COPY (its own speed and memory, none of Node's), on
 * the export instance, into a fresh folder under the engine's scratch folder. A small export
 * is sent once written, with its length; a large one is sent while DuckDB writes it, so the
 * two overlap. The folder is removed as soon as the file is open and the COPY over: the open
 * handle keeps the bytes until the stream closes, so nothing is left behind whether the
 * response finishes or the client goes away (and openEngine clears the scratch folder of a
 * process that died). A client that leaves stops the COPY.
 */
export async function copyToFile(
  ctx: AppContext,
  sql: string,
  params: SqlParam[],
  options: string,
  wrap: [string, string] | undefined,
  signal: AbortSignal,
): Promise<ExportBody> {
  const engine = await exportEngine(ctx);
  const dir = await mkdtemp(path.join(ctx.engine.tempDir, 'export-'));
  const file = path.join(dir, 'rows');
  let running: DuckDBConnection | null = null;
  let stopped = false;
  const stop = () => {
    stopped = true;
    running?.interrupt();
  };
  const copy: Promise<Error | null> = engine
    .with(async (c) => {
      if (stopped) throw new Error('The export was stopped');
      running = c;
      try {
        await (await prepare(c, copySql(sql, file, options), params)).run();
      } finally {
        running = null;
      }
    })
    .then(
      () => null,
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
  signal.addEventListener('abort', stop);
  if (signal.aborted) stop();
  let handle: FileHandle | null = null;
  let done = false;
  try {
    const settled = () => Promise.race([copy.then(() => true), sleep(0).then(() => false)]);
    while (!done && (await sizeOf(file)) < STREAM_AFTER_BYTES) {
      done = await Promise.race([copy.then(() => true), sleep(POLL_MS).then(() => false)]);
    }
    // Past the threshold but finished all the same: sent whole, with its length.
    done ||= await settled();
    const failed = done ? await copy : null;
    if (failed) throw failed;
    handle = await open(file, 'r');
    const [before, after] = (wrap ?? ['', '']).map((text) =>
      text ? Buffer.from(text) : undefined,
    );
    const extra = (before?.length ?? 0) + (after?.length ?? 0);
    if (done) {
      const { size } = await handle.stat();
      const reader = handle.createReadStream({ highWaterMark: CHUNK });
      handle = null;
      if (!wrap) return { stream: reader, size };
      const stream = Readable.from(wrapped(before, reader, after), { objectMode: false });
      // Closed before it was read (the client left): the file is closed all the same.
      stream.once('close', () => reader.destroy());
      return { stream, size: size + extra };
    }
    const source = handle;
    handle = null;
    const stream = Readable.from(wrapped(before, follow(source, copy), after), {
      objectMode: false,
    });
    stream.once('close', () => {
      // Stopped before the end (the client left, or the COPY failed): stop writing too.
      stop();
      void copy.then(() => source.close()).catch(() => undefined);
    });
    return { stream, size: null };
  } catch (err) {
    stop();
    throw err;
  } finally {
    signal.removeEventListener('abort', stop);
    await handle?.close();
    // The COPY's file is open or not wanted: its folder can go once DuckDB is done with it.
    const removal = copy.then(() => rm(dir, { recursive: true, force: true }));
    if (done) await removal;
    else void removal.catch(() => undefined);
  }
}
