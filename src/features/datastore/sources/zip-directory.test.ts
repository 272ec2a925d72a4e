import { describe, expect, it } from 'vitest';
import { checkZipBomb, type ZipEntry } from './zip-directory.js';

const entry = (name: string, compressedSize: number, size: number): ZipEntry => ({
  name,
  method: 8,
  compressedSize,
  size,
  localOffset: 0,
});
const limits = { maxTotal: 1024 ** 3, maxRatio: 100 };

describe('checkZipBomb', () => {
  const check = (entries: ZipEntry[]) => () => {
    checkZipBomb(entries, limits);
  };

  it('passes ordinary workbooks, small parts that compress well included', () => {
    const sheet = entry('xl/worksheets/sheet1.xml', 2_000_000, 30_000_000);
    expect(check([sheet, entry('xl/styles.xml', 10, 50_000)])).not.toThrow();
  });

  it('refuses a part that expands too far, or parts that add up past the limit', () => {
    expect(check([entry('a.xml', 20_000, 20_000_000)])).toThrow(/a\.xml expands 1000 times/);
    const many = Array.from({ length: 30 }, (_, i) => entry(`s${i}.xml`, 10_000_000, 40_000_000));
    expect(check(many)).toThrow(/expand to 1\.1 GB/);
  });
});
