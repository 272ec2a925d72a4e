import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { rm } from 'node:fs/promises';

export interface Utf8File {
  file: string;
  encoding: string;
  cleanup: () => Promise<void>;
}

function isUtf8(head: Buffer): boolean {
  // A multi-byte character may be cut at the end of the sample: stream mode leaves it pending
  // rather than failing (cutting bytes off instead could split a character of a whole file).
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * DuckDB reads UTF-8. UTF-16 (by its byte order mark) and Windows-1252 (text that is not valid
 * UTF-8, as Excel on Windows saves "CSV") are converted into a UTF-8 copy in the work folder.
 */
export async function transcodeToUtf8(
  file: string,
  head: Buffer,
  workDir: string,
): Promise<Utf8File> {
  let encoding: string;
  if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
  else if (isUtf8(head)) {
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    return { file, encoding: bom ? 'utf-8 (with BOM)' : 'utf-8', cleanup: () => Promise.resolve() };
  } else encoding = 'windows-1252';

  const decoder = new TextDecoder(encoding);
  const out = path.join(workDir, 'source-utf8.csv');
  const transcode = new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  await pipeline(createReadStream(file), transcode, createWriteStream(out));
  return { file: out, encoding, cleanup: () => rm(out, { force: true }) };
}
