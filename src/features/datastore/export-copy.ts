import { mkdtemp, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import { prepare, type SqlParam } from '../../platform/engine/engine.js';

export interface ExportBody {
  stream: Readable;
  /** Bytes, when known before sending (files written by COPY). */
  size: number | null;
}

/** The file between two bits of text; stopping early closes the file. */
async function* wrapped(before: Buffer | undefined, file: Readable, after: Buffer | undefined) {
  if (before) yield before;
  for await (const chunk of file) yield chunk as Buffer;
  if (after) yield after;
}

/**
 * Writes the query's rows with DuckDB's COPY (its own speed and memory, none of Node's) into a
 * fresh folder under the engine's scratch folder, opens the file and removes the folder at
 * once: the open handle keeps the bytes until the stream closes, so nothing is left behind
 * whether the response finishes or the client goes away (and openEngine clears the scratch
 * folder of a process that died).
 */
export async function copyToFile(
  ctx: AppContext,
  sql: string,
  params: SqlParam[],
  options: string,
  wrap: [string, string] | undefined,
  signal: AbortSignal,
): Promise<ExportBody> {
  const dir = await mkdtemp(path.join(ctx.engine.tempDir, 'export-'));
  try {
    const file = path.join(dir, 'rows');
    await ctx.engine.with(async (c) => {
      // A client that leaves stops the work it asked for.
      const stop = () => {
        c.interrupt();
      };
      signal.addEventListener('abort', stop);
      try {
        if (signal.aborted) return;
        const copy = `COPY (${sql}) TO '${file.replace(/'/g, "''")}' (${options})`;
        await (await prepare(c, copy, params)).run();
      } finally {
        signal.removeEventListener('abort', stop);
      }
    });
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const reader = handle.createReadStream({ highWaterMark: 256 * 1024 });
      if (!wrap) return { stream: reader, size };
      const [before, after] = wrap.map((text) => Buffer.from(text));
      const stream = Readable.from(wrapped(before, reader, after), { objectMode: false });
      // Closed before it was read (the client left): the file is closed all the same.
      stream.once('close', () => reader.destroy());
      return { stream, size: size + (before?.length ?? 0) + (after?.length ?? 0) };
    } catch (err) {
      await handle.close();
      throw err;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
