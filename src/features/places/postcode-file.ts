import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { badRequest } from '../../platform/errors.js';
import { parseCsvLine } from './csv-line.js';
import { detectLayout, LAYOUT_HELP, type Layout, type RowResult } from './postcode-layouts.js';

export interface FileRow {
  /** 1 is the file's first line. */
  line: number;
  result: RowResult;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
}

const damaged = (file: string, line: number, why: string) =>
  badRequest(
    `${path.basename(file)} is damaged at line ${line}: ${why}. Nothing was imported; ` +
      'the directory is as it was.',
    { line },
  );

/**
 * The rows of a postcode file, a line at a time in constant memory. The file is opened when
 * the first row is asked for (lines read before anyone listens would be lost). Throws, naming
 * the line, for a file in neither layout or with a damaged line; `onLayout` hears the layout.
 */
export async function* readPostcodeFile(
  file: string,
  onLayout: (layout: Layout) => void,
): AsyncGenerator<FileRow> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let layout: Layout | null = null;
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!layout) {
        layout = detectLayout(line);
        if (!layout) {
          throw badRequest(
            `${path.basename(file)} is neither an ONS Postcode Directory nor an OS Code-Point ` +
              `Open file: ${LAYOUT_HELP}. Its first line is: ${line.slice(0, 120) || '(empty)'}`,
          );
        }
        onLayout(layout);
        if (layout.header) continue;
      }
      if (line.trim() === '') continue;
      const fields = parseCsvLine(line);
      if (!fields) throw damaged(file, n, 'a quoted field is never closed');
      if (fields.length !== layout.fields) {
        throw damaged(
          file,
          n,
          `it has ${fields.length} fields where the first line has ${layout.fields}`,
        );
      }
      yield { line: n, result: layout.parse(fields), bytesRead: stream.bytesRead };
    }
    if (!layout) throw badRequest(`${path.basename(file)} is empty: ${LAYOUT_HELP}`);
  } finally {
    lines.close();
    stream.destroy();
  }
}
