import { open, type FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { SourceError, type ZipLimits } from './source.js';

export const NOT_XLSX = 'The file is not a valid Excel .xlsx workbook';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  if (bytesRead !== length) throw new SourceError(NOT_XLSX);
  return buf;
}

const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

/** Finds the central directory through the end record (and its ZIP64 form when sizes overflow). */
async function locateDirectory(handle: FileHandle, size: number) {
  const tail = Math.min(size, 22 + 65535);
  const end = await readAt(handle, size - tail, tail);
  let at = -1;
  for (let i = end.length - 22; i >= 0; i--)
    if (end.readUInt32LE(i) === 0x06054b50) {
      at = i;
      break;
    }
  if (at < 0) throw new SourceError(NOT_XLSX); // no end record: not a zip, or cut short
  let count = end.readUInt16LE(at + 10);
  let dirSize = end.readUInt32LE(at + 12);
  let dirOffset = end.readUInt32LE(at + 16);
  if ((count === 0xffff || dirOffset === 0xffffffff) && at >= 20) {
    const locator = end.subarray(at - 20, at);
    if (locator.readUInt32LE(0) !== 0x07064b50) throw new SourceError(NOT_XLSX);
    const record = await readAt(handle, u64(locator, 8), 56);
    if (record.readUInt32LE(0) !== 0x06064b50) throw new SourceError(NOT_XLSX);
    count = u64(record, 32);
    dirSize = u64(record, 40);
    dirOffset = u64(record, 48);
  }
  if (dirOffset + dirSize > size) throw new SourceError(NOT_XLSX);
  return { count, dirSize, dirOffset };
}

/** Sizes in the ZIP64 extra field replace those stored as 0xFFFFFFFF. */
function zip64Sizes(extra: Buffer, entry: ZipEntry): void {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const length = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let at = i + 4;
      const next = () => {
        const v = at + 8 <= i + 4 + length ? u64(extra, at) : 0;
        at += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
    }
    i += 4 + length;
  }
}

/** The entries of a zip file, read from its central directory without inflating anything. */
export async function readZipDirectory(file: string): Promise<ZipEntry[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < 22) throw new SourceError(NOT_XLSX);
    const { count, dirSize, dirOffset } = await locateDirectory(handle, size);
    if (count > 100_000) throw new SourceError(`${NOT_XLSX}: it has ${count} parts`);
    const dir = await readAt(handle, dirOffset, dirSize);
    const entries: ZipEntry[] = [];
    for (let at = 0, n = 0; n < count; n++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50)
        throw new SourceError(NOT_XLSX);
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const entry: ZipEntry = {
        name: dir.toString('utf8', at + 46, at + 46 + nameLength),
        method: dir.readUInt16LE(at + 10),
        compressedSize: dir.readUInt32LE(at + 20),
        size: dir.readUInt32LE(at + 24),
        localOffset: dir.readUInt32LE(at + 42),
      };
      const extraAt = at + 46 + nameLength;
      zip64Sizes(dir.subarray(extraAt, extraAt + extraLength), entry);
      entries.push(entry);
      at = extraAt + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

const MB = 1024 * 1024;
const human = (bytes: number) =>
  bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : `${Math.ceil(bytes / MB)} MB`;

/**
 * Refuses a zip bomb before anything is inflated: a file whose parts would expand past the
 * limit in all, or one part that expands far more than real spreadsheets do.
 */
export function checkZipBomb(
  entries: ZipEntry[],
  limits: Pick<ZipLimits, 'maxTotal' | 'maxRatio'>,
): void {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxTotal) {
    throw new SourceError(
      `The workbook would expand to ${human(total)} when unzipped, over the limit of ${human(limits.maxTotal)}`,
    );
  }
  for (const e of entries) {
    const ratio = e.size / Math.max(e.compressedSize, 1);
    if (e.size > MB && ratio > limits.maxRatio) {
      throw new SourceError(
        `The workbook looks like a zip bomb: its part ${e.name} expands ${Math.round(ratio)} times (the limit is ${limits.maxRatio})`,
      );
    }
  }
}

/** One small part of the zip, inflated in memory with a hard cap on its size. */
export async function readZipEntry(
  file: string,
  entry: ZipEntry,
  maxBytes: number,
): Promise<Buffer> {
  if (entry.size > maxBytes)
    throw new SourceError(`${NOT_XLSX}: its part ${entry.name} is too large`);
  const handle = await open(file, 'r');
  try {
    const local = await readAt(handle, entry.localOffset, 30);
    if (local.readUInt32LE(0) !== 0x04034b50) throw new SourceError(NOT_XLSX);
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const data = await readAt(handle, start, entry.compressedSize);
    if (entry.method === 0) return data;
    if (entry.method !== 8) throw new SourceError(`${NOT_XLSX}: it uses an unknown compression`);
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(NOT_XLSX);
  } finally {
    await handle.close();
  }
}
