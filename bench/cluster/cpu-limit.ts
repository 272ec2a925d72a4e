import { existsSync } from 'node:fs';
import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

// A CPU limit for a node, as a container's limit gives it (Kubernetes' `cpu: 500m` is this very
// CFS quota): a Linux control group whose processes get `millicores`/1000 of a core's time. On a
// small machine it lets one node and two nodes be compared without the second simply taking the
// core the first left to PostgreSQL and the load generator. Needs root and a cgroup filesystem.

const PERIOD_US = 100_000;

export interface CpuLimit {
  millicores: number;
  /** Puts a process (with all its threads) under the limit. */
  add(pid: number): Promise<void>;
  /** Removes the group, once its processes have ended. */
  remove(): Promise<void>;
}

/** The group's folder and the file its quota is written to, for cgroup v2 or v1. */
function layout(name: string): { dir: string; write: (quotaUs: number) => Promise<void> } | null {
  const v2 = '/sys/fs/cgroup';
  if (existsSync(path.join(v2, 'cgroup.controllers'))) {
    const dir = path.join(v2, name);
    return {
      dir,
      write: (q) => writeFile(path.join(dir, 'cpu.max'), `${String(q)} ${String(PERIOD_US)}`),
    };
  }
  const v1 = '/sys/fs/cgroup/cpu';
  if (existsSync(path.join(v1, 'cpu.cfs_quota_us'))) {
    const dir = path.join(v1, name);
    return {
      dir,
      write: async (q) => {
        await writeFile(path.join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
        await writeFile(path.join(dir, 'cpu.cfs_quota_us'), String(q));
      },
    };
  }
  return null;
}

/** A new group limited to `millicores`, or null (with why) where groups cannot be made. */
export async function createCpuLimit(
  name: string,
  millicores: number,
): Promise<CpuLimit | { unavailable: string }> {
  const where = layout(name);
  if (!where) return { unavailable: 'no cgroup cpu controller' };
  try {
    await mkdir(where.dir);
    await where.write(Math.round((millicores / 1000) * PERIOD_US));
  } catch (err) {
    await rmdir(where.dir).catch(() => undefined);
    return { unavailable: err instanceof Error ? err.message : String(err) };
  }
  return {
    millicores,
    add: (pid) => writeFile(path.join(where.dir, 'cgroup.procs'), String(pid)),
    async remove() {
      // A group is removable only once empty; its processes may take a moment to be reaped.
      for (let i = 0; i < 50; i++) {
        const procs = await readFile(path.join(where.dir, 'cgroup.procs'), 'utf8').catch(() => '');
        if (procs.trim() === '') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await rmdir(where.dir).catch(() => undefined);
    },
  };
}
