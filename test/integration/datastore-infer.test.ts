import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/features/datastore/ingest.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

// Inference tries every reading on a sample and checks the winner over all rows; these files
// put the value that decides the type far past the sample.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await mkdir(ctx.config.blobDir, { recursive: true });
});
afterAll(() => ctx.cleanup());

async function load(name: string, rows: string[]) {
  const file = path.join(ctx.config.blobDir, name);
  await writeFile(file, `${rows.join('\n')}\n`);
  return ingestFile({
    engine: ctx.engine,
    file,
    format: 'CSV',
    workDir: path.join(ctx.engine.tempDir, name),
  });
}

describe('type inference over whole columns', () => {
  it('keeps a column text when a value past the sample is not a number, and says why', async () => {
    const rows = ['id,count,late_date'];
    for (let i = 1; i <= 60_000; i++)
      rows.push(`${i},${i === 59_999 ? 'n/a' : i % 97},${i > 55_000 ? '01/02/2024' : ''}`);
    const result = await load('late.csv', rows);
    const types = Object.fromEntries(result.fields.map((f) => [f.name, f.type]));
    expect(types).toEqual({ id: 'integer', count: 'text', late_date: 'date' });
    expect(result.rows).toBe(60_000);
    expect(result.warnings).toContainEqual({
      field: 'count',
      message: 'stays text: 1 of 60000 values are not a whole number',
    });
  });
});

describe('ragged rows', () => {
  it('sets aside a line with too many fields and reports its line number', async () => {
    const result = await load('ragged.csv', [
      'id,name,when,amount',
      '1,a,2024-01-02,3.5',
      '2,b,2024-01-03,4,extra',
      '3,c,2024-01-04,5',
    ]);
    expect(result.rows).toBe(2);
    expect(result.fields.map((f) => f.name)).toEqual(['id', 'name', 'when', 'amount']);
    expect(result.warnings).toContainEqual({
      line: 3,
      message: 'line 3 skipped: too many columns',
    });
  });
});
