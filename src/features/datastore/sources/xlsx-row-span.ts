import { SourceError } from './source.js';
import { sizeText } from './zip-stream.js';

const ROW_END = Buffer.from('row>');
const TAIL = 64;
const isNameByte = (b: number | undefined) =>
  b !== undefined &&
  ((b >= 0x30 && b <= 0x39) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x61 && b <= 0x7a) ||
    b === 0x2d ||
    b === 0x2e ||
    b === 0x5f);

/** Whether the `row>` at `at` ends a closing tag, `</row>` or `</x:row>` (any prefix). */
function closesRow(buf: Buffer, at: number): boolean {
  let i = at - 1;
  if (buf[i] === 0x3a) {
    i--;
    while (isNameByte(buf[i])) i--;
  }
  return buf[i] === 0x2f && buf[i - 1] === 0x3c;
}

/**
 * Checks a sheet's XML as it is inflated: the streaming reader holds one row (and anything
 * after the last row, such as merged cells) in memory, so no stretch between the ends of two
 * rows may be longer than `maxBytes`. Returns the function to call with each chunk.
 */
export function rowSpanCheck(maxBytes: number): (chunk: Buffer) => void {
  let since = 0; // bytes since the end of the last row
  let tail = Buffer.alloc(0); // the end of the previous chunk, for a tag split between chunks
  return (chunk) => {
    const buf = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
    let last = -1;
    for (let at = buf.indexOf(ROW_END); at !== -1; at = buf.indexOf(ROW_END, at + 1)) {
      if (closesRow(buf, at)) last = at + ROW_END.length;
    }
    since = last === -1 ? since + chunk.length : buf.length - last;
    if (since > maxBytes) {
      throw new SourceError(
        `A row of the sheet is larger than ${sizeText(maxBytes)} of XML, more than a spreadsheet row can hold; it may be a zip bomb`,
      );
    }
    tail = Buffer.from(buf.subarray(Math.max(buf.length - TAIL, 0)));
  };
}
