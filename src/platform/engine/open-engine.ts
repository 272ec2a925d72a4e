import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.js';
import { engineBlobDir } from '../blobs/open-blob-store.js';
import { newestChange } from '../blobs/stale-files.js';
import { Engine } from './engine.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Where every process's engine keeps its scratch folder, `<pid>-<random>`. */
export const engineRoot = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'tmp');

/** A folder of our own pid is another process's after a restart in a container (always pid 1),
 * but could be a live one's in another container sharing DATA_DIR: it goes once it is stale. */
export const REUSED_PID_STALE_MS = 60 * 60 * 1000;

/**
 * Removes the scratch folders of processes that are gone: one whose pid is not running, and one
 * of our own pid that is not `own` (the pid was reused) in which nothing changed for an hour.
 * Run at start-up and by the temporary-file sweeper.
 */
export async function removeDeadScratch(root: string, own: string | null, now: number) {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(root, name);
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || dir === own) continue;
    const dead =
      pid === process.pid ? now - (await newestChange(dir)) > REUSED_PID_STALE_MS : !alive(pid);
    if (dead) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Opens the process's DuckDB engine with a scratch folder of its own under DATA_DIR/tmp
 * (several processes may share DATA_DIR); folders left by dead processes are removed.
 */
export async function openEngine(config: Config): Promise<Engine> {
  const root = engineRoot(config);
  await mkdir(root, { recursive: true });
  await removeDeadScratch(root, null, Date.now());
  const tempDir = path.join(root, `${process.pid}-${randomBytes(4).toString('hex')}`);
  return Engine.open({
    allowedDirectories: [engineBlobDir(config), tempDir],
    tempDir,
    threads: config.engineThreads || os.availableParallelism(),
    memoryLimit: config.engineMemoryLimit,
  });
}
