import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

// CPU time of processes, read from /proc (Linux): what each node and the database spent on a
// run, so a run's requests per second can be turned into CPU milliseconds per request, the
// figure that sizes a deployment whatever its cores.

const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** User plus system CPU time of a process so far, in ms; 0 if it has gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // The command name may hold spaces; the fields after it are space-separated.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name and state.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** The CPU time so far of each PostgreSQL process on this machine, in ms, by pid. */
export function postgresCpu(): Map<number, number> {
  const times = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'postgres') {
        times.set(+name, cpuMs(+name));
      }
    } catch {
      // The process ended while being read.
    }
  }
  return times;
}

/**
 * The CPU PostgreSQL spent between two readings: each process's growth, a new one's whole time.
 * A process that ended in between takes its last stretch with it (connections are pooled, so few
 * do).
 */
export function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of postgresCpu()) total += ms - Math.min(ms, before.get(pid) ?? 0);
  return total;
}
