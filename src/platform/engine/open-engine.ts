import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.js';
import { Engine } from './engine.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Opens the process's DuckDB engine with a scratch folder of its own under DATA_DIR/tmp
 * (several processes may share DATA_DIR); folders left by dead processes are removed.
 */
export async function openEngine(config: Config): Promise<Engine> {
  const root = path.join(config.dataDir, 'tmp');
  await mkdir(root, { recursive: true });
  for (const name of await readdir(root)) {
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) {
      await rm(path.join(root, name), { recursive: true, force: true });
    }
  }
  const tempDir = path.join(root, `${process.pid}-${randomBytes(4).toString('hex')}`);
  return Engine.open({
    allowedDirectories: [config.blobDir, tempDir],
    tempDir,
    threads: config.engineThreads || os.availableParallelism(),
    memoryLimit: config.engineMemoryLimit,
  });
}
