import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepBlobStore } from '../../src/platform/blobs/garbage-sweeper.js';
import { sweepTemporaryFiles } from '../../src/platform/blobs/temp-sweeper.js';
import { openEngine } from '../../src/platform/engine/open-engine.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

// A process killed mid-upload or mid-load leaves temporary files nobody will finish: start-up
// and every sweep remove those untouched for an hour, and never a file still being written.

const HOUR = 60 * 60 * 1000;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.cleanup());

/** Writes a file dated `ageMs` ago, with its folders up to `base` (as a crash leaves them). */
async function file(at: string, ageMs: number, base: string): Promise<string> {
  await mkdir(path.dirname(at), { recursive: true });
  await writeFile(at, 'partial');
  const when = new Date(Date.now() - ageMs);
  for (let p = at; p.startsWith(base) && p !== base; p = path.dirname(p)) {
    await utimes(p, when, when);
  }
  return at;
}

const exists = async (p: string) =>
  readdir(path.dirname(p)).then(
    (names) => names.includes(path.basename(p)),
    () => false,
  );

describe('temporary files left by a crash', () => {
  it('are removed by a sweep once an hour old; fresh ones (a live upload) stay', async () => {
    const uploads = path.join(ctx.config.blobDir, '.tmp');
    const oldUpload = await file(path.join(uploads, 'killed-upload'), 2 * HOUR, uploads);
    const liveUpload = await file(path.join(uploads, 'live-upload'), 60_000, uploads);
    const loads = path.join(ctx.engine.tempDir, 'loads');
    const oldLoad = await file(path.join(loads, 'dead-load', 'sheet.csv'), 2 * HOUR, loads);
    const liveLoad = await file(path.join(loads, 'live-load', 'sheet.csv'), 60_000, loads);
    const scratch = ctx.engine.tempDir;
    const oldExport = await file(path.join(scratch, 'export-abc', 'rows'), 3 * HOUR, scratch);
    const blobs = ctx.config.blobDir;
    const blob = await file(path.join(blobs, 'resources', 'r1', 'data.csv'), 3 * HOUR, blobs);

    await sweepTemporaryFiles(ctx); // each node's own scratch
    await sweepBlobStore(ctx.db.kysely, ctx.blobs); // the shared store's, once per cluster

    expect(await exists(oldUpload)).toBe(false);
    expect(await exists(path.dirname(oldLoad))).toBe(false);
    expect(await exists(path.dirname(oldExport))).toBe(false);
    expect(await exists(liveUpload)).toBe(true);
    expect(await exists(liveLoad)).toBe(true);
    expect(await exists(blob)).toBe(true); // stored files are not temporary, however old
  });

  it("removes a dead process's engine folder at start-up, also when its pid is reused", async () => {
    const root = path.join(ctx.config.dataDir, 'tmp');
    // In a container every process is pid 1: a folder of our pid that is not ours is a dead one's.
    const reused = path.join(root, `${process.pid}-deadbeef`);
    await file(path.join(reused, 'spill', 'x.tmp'), 2 * HOUR, root);
    const freshReused = path.join(root, `${process.pid}-cafe0000`);
    await file(path.join(freshReused, 'loads', 'x'), 60_000, root);
    const engine = await openEngine(ctx.config);
    try {
      expect(await exists(reused)).toBe(false);
      expect(await exists(freshReused)).toBe(true);
      expect(await exists(ctx.engine.tempDir)).toBe(true); // a live process's folder stays
    } finally {
      await engine.close();
      await rm(freshReused, { recursive: true, force: true });
    }
  });
});
