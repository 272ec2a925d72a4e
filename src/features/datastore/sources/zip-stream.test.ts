import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombSheet, minimalXlsx } from '../../../../test/helpers/zip.js';
import { readZipDirectory } from './zip-directory.js';
import { InflateLimitError, measureEntry } from './zip-stream.js';

const MB = 1024 * 1024;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zip-stream-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function sheetEntry(content: Buffer) {
  const file = path.join(dir, `${Math.random()}.xlsx`);
  await writeFile(file, content);
  const entries = await readZipDirectory(file);
  const entry = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
  if (!entry) throw new Error('no sheet');
  return { file, entry };
}

describe('measureEntry', () => {
  it('counts the bytes really inflated, not the size the zip declares', async () => {
    const { file, entry } = await sheetEntry(
      minimalXlsx({ deflated: bombSheet(8 * MB), declared: 1000 }),
    );
    expect(entry.size).toBe(1000);
    expect((await measureEntry(file, entry, 16 * MB)).inflated).toBe(8 * MB);
  });

  it('stops inflating at the budget (plus at most one chunk)', async () => {
    const { file, entry } = await sheetEntry(
      minimalXlsx({ deflated: bombSheet(32 * MB), declared: 1000 }),
    );
    const stopped = await measureEntry(file, entry, MB).catch((err: unknown) => err);
    expect(stopped).toBeInstanceOf(InflateLimitError);
    const inflated = (stopped as InflateLimitError).inflated;
    expect(inflated).toBeGreaterThan(MB);
    expect(inflated).toBeLessThanOrEqual(MB + 64 * 1024);
  });
});
