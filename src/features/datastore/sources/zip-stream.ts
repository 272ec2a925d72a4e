import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, deflateRawSync } from 'node:zlib';
import { SourceError } from './source.js';
import { NOT_XLSX, type ZipEntry } from './zip-directory.js';

/** An entry with where its compressed bytes start and what they really inflate to. */
export interface MeasuredEntry extends ZipEntry {
  dataStart: number;
  inflated: number;
}

const MB = 1024 * 1024;
/** A limit in words: whole MB, or KB below one MB. */
export const sizeText = (bytes: number) =>
  bytes >= MB ? `${Math.floor(bytes / MB)} MB` : `${Math.floor(bytes / 1024)} KB`;

/** Thrown when an entry inflates past its budget (the caller words the report). */
export class InflateLimitError extends Error {
  /** The bytes inflated when it stopped: the budget plus at most one chunk. */
  constructor(readonly inflated: number) {
    super(`Inflated past the limit (${inflated} bytes)`);
  }
}

async function dataStart(file: string, entry: ZipEntry): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const local = Buffer.alloc(30);
    const { bytesRead } = await handle.read(local, 0, 30, entry.localOffset);
    if (bytesRead !== 30 || local.readUInt32LE(0) !== 0x04034b50) throw new SourceError(NOT_XLSX);
    return entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

const rangeOf = (file: string, start: number, length: number) =>
  length > 0
    ? createReadStream(file, { start, end: start + length - 1 })
    : Readable.from([] as Buffer[]);

/**
 * Inflates an entry's stored bytes as a stream, counting what it really expands to (the sizes a
 * zip declares can lie) and keeping none of it; stops as soon as the count passes `budget`.
 */
export async function measureEntry(
  file: string,
  entry: ZipEntry,
  budget: number,
  inspect?: (chunk: Buffer) => void,
): Promise<MeasuredEntry> {
  const start = await dataStart(file, entry);
  if (entry.method === 0) {
    if (entry.compressedSize > budget) throw new InflateLimitError(0);
    if (inspect)
      for await (const chunk of rangeOf(file, start, entry.compressedSize))
        inspect(chunk as Buffer);
    return { ...entry, dataStart: start, inflated: entry.compressedSize };
  }
  if (entry.method !== 8) throw new SourceError(`${NOT_XLSX}: it uses an unknown compression`);
  const source = rangeOf(file, start, entry.compressedSize);
  const inflate = createInflateRaw();
  let inflated = 0;
  try {
    for await (const chunk of source.pipe(inflate)) {
      inflated += (chunk as Buffer).length;
      if (inflated > budget) throw new InflateLimitError(inflated);
      inspect?.(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof InflateLimitError || err instanceof SourceError) throw err;
    throw new SourceError(NOT_XLSX); // a broken deflate stream
  } finally {
    source.destroy();
    inflate.destroy();
  }
  return { ...entry, dataStart: start, inflated };
}

/** A small part made here rather than read from the file (an empty shared strings table). */
export interface MadeEntry {
  name: string;
  method: number;
  compressedSize: number;
  inflated: number;
  data: Buffer;
}

export function madeEntry(name: string, xml: string): MadeEntry {
  const data = deflateRawSync(Buffer.from(xml, 'utf8'));
  return { name, method: 8, compressedSize: data.length, inflated: Buffer.byteLength(xml), data };
}

// The CRC is left 0: the streaming reader does not check it, and the bytes were checked by
// inflating them once already.
function localHeader(e: MeasuredEntry | MadeEntry, name: Buffer): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed
  h.writeUInt16LE(0x0800, 6); // flags: UTF-8 names, sizes known (no data descriptor)
  h.writeUInt16LE(e.method, 8);
  h.writeUInt32LE(e.compressedSize, 18);
  h.writeUInt32LE(Math.min(e.inflated, 0xffffffff), 22);
  h.writeUInt16LE(name.length, 26);
  return h;
}

/**
 * A zip of just these entries, in this order, for the streaming workbook reader: fresh local
 * headers and each entry's stored bytes exactly as measured, so the reader inflates nothing
 * that was not counted (and sees no part hidden outside the central directory).
 */
export function rebuiltZip(file: string, entries: (MeasuredEntry | MadeEntry)[]): Readable {
  async function* parts() {
    for (const e of entries) {
      const name = Buffer.from(e.name, 'utf8');
      yield localHeader(e, name);
      yield name;
      if ('data' in e) yield e.data;
      else yield* rangeOf(file, e.dataStart, e.compressedSize) as AsyncIterable<Buffer>;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    yield end;
  }
  return Readable.from(parts());
}
