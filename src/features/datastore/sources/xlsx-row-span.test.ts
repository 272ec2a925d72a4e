import { describe, expect, it } from 'vitest';
import { rowSpanCheck } from './xlsx-row-span.js';

/** Feeds the XML in chunks of `size` bytes (tags split between chunks included). */
function feed(xml: string, max: number, size: number): void {
  const check = rowSpanCheck(max);
  const buf = Buffer.from(xml);
  for (let i = 0; i < buf.length; i += size) check(buf.subarray(i, i + size));
}

const row = (cells: number, prefix = '') =>
  `<${prefix}row>${`<${prefix}c><${prefix}v>1</${prefix}v></${prefix}c>`.repeat(cells)}</${prefix}row>`;

describe('rowSpanCheck', () => {
  it('passes many ordinary rows, with or without a namespace prefix, however chunked', () => {
    const sheet = `<sheetData>${row(10).repeat(2000)}</sheetData>`;
    for (const size of [1, 3, 7, 4096])
      expect(() => {
        feed(sheet, 1000, size);
      }).not.toThrow();
    const prefixed = `<x:sheetData>${row(10, 'x:').repeat(2000)}</x:sheetData>`;
    expect(() => {
      feed(prefixed, 1000, 5);
    }).not.toThrow();
  });

  it('refuses one row longer than the limit, and a long tail after the last row', () => {
    expect(() => {
      feed(`<sheetData>${row(2000)}</sheetData>`, 10_000, 4096);
    }).toThrow(/A row of the sheet is larger than 9 KB of XML/);
    const merges = '<mergeCell ref="A1:B2"/>'.repeat(1000);
    expect(() => {
      feed(`${row(1)}</sheetData><mergeCells>${merges}`, 10_000, 512);
    }).toThrow(/larger than/);
  });
});
