import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  ingestFile,
  type IngestInput,
  type IngestResult,
} from '../../src/features/datastore/ingest.js';
import { ingestDirect } from '../../src/features/datastore/ingest-direct.js';
import { stageSource } from '../../src/features/datastore/sources/index.js';
import { sqlString } from '../../src/platform/engine/sql.js';
import { createTestContext, type TestContext } from './context.js';

/**
 * A DuckDB engine and a folder for the ingest tests of each format: files are written, ingested
 * as a load would, and read back. Call at the top of a test file (it adds beforeAll/afterAll).
 */
export function ingestHarness() {
  let ctx: TestContext;
  let n = 0;
  beforeAll(async () => {
    ctx = await createTestContext();
    await mkdir(ctx.config.blobDir, { recursive: true });
  });
  afterAll(() => ctx.cleanup());

  async function put(name: string, content: string | Buffer): Promise<string> {
    const file = path.join(ctx.config.blobDir, `${++n}-${name}`);
    await writeFile(file, content);
    return file;
  }
  const ingest = (
    file: string,
    format: string,
    options: Pick<IngestInput, 'sheet' | 'types'> = {},
  ) =>
    ingestFile({
      engine: ctx.engine,
      file,
      format,
      ...options,
      workDir: path.join(ctx.engine.tempDir, `w${++n}`),
    });
  const load = async (name: string, content: string | Buffer, format: string) =>
    ingest(await put(name, content), format);
  /** The loaded rows, integers as numbers (DuckDB hands BIGINT back as text). */
  async function rowsOf(r: IngestResult): Promise<Record<string, unknown>[]> {
    const integers = r.fields.filter((f) => f.type === 'integer').map((f) => f.name);
    const rows = await ctx.engine.all(
      // In the file's order, which is the rows' `_id` order (see versionRelation).
      `SELECT * EXCLUDE (file_row_number) FROM read_parquet(${sqlString(r.parquetFile)}, file_row_number = true) ORDER BY file_row_number`,
    );
    return rows.map((row) => {
      for (const name of integers) if (typeof row[name] === 'string') row[name] = Number(row[name]);
      return row;
    });
  }
  /** Runs a query on the test's engine (to read a loaded file back another way). */
  const all = (sql: string) => ctx.engine.all(sql);
  /** Whether a CSV file loads in the single pass (null from ingestDirect: the slower way). */
  async function singlePass(file: string): Promise<boolean> {
    const workDir = path.join(ctx.engine.tempDir, `w${++n}`);
    await mkdir(workDir, { recursive: true });
    const staged = await stageSource({ engine: ctx.engine, file, format: 'CSV', workDir });
    try {
      const out = path.join(workDir, 'direct.parquet');
      return (await ctx.engine.with((c) => ingestDirect(c, staged, out))) !== null;
    } finally {
      await staged.cleanup();
    }
  }
  return { put, ingest, load, rowsOf, all, singlePass };
}

export const typesOf = (r: IngestResult) =>
  Object.fromEntries(r.fields.map((f) => [f.name, f.type]));
export const formatsOf = (r: IngestResult) =>
  Object.fromEntries(r.fields.filter((f) => f.format).map((f) => [f.name, f.format]));
export const messages = (r: IngestResult) => r.warnings.map((w) => w.message);
/** Rejects with an error whose message matches. */
export const fails = (p: Promise<unknown>, message: RegExp) => expect(p).rejects.toThrow(message);
