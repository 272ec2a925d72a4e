import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

// The app as production runs it: `metrodata serve` in a process of its own, so that its memory
// can be read from /proc while it answers (the benchmark's own process holds DuckDB instances
// and the generated data, which would hide the server's footprint).

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export interface ProcessMemory {
  /** Resident set size now, MiB. */
  rss: number;
  /** Peak resident set size since the process started or the peak was last reset, MiB. */
  hwm: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/** VmRSS and VmHWM of a process, from /proc (Linux only). */
export async function processMemory(pid: number): Promise<ProcessMemory> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
}

/** Samples a process's RSS every `everyMs` until stopped; the largest sample is its peak. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  peak = 0;
  samples = 0;
  /** [milliseconds since start, RSS MiB] */
  readonly timeline: [number, number][] = [];
  private readonly started = performance.now();

  constructor(
    private readonly pid: number,
    private readonly everyMs = 50,
  ) {}

  start(): this {
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      processMemory(this.pid)
        .then((m) => {
          this.peak = Math.max(this.peak, m.rss);
          this.samples++;
          this.timeline.push([performance.now() - this.started, m.rss]);
        })
        .catch(() => undefined)
        .finally(() => {
          this.busy = false;
        });
    }, this.everyMs);
    return this;
  }

  stop(): number {
    clearInterval(this.timer);
    return this.peak;
  }

  /** The largest sample taken in [fromMs, toMs) after start. */
  peakBetween(fromMs: number, toMs: number): number {
    return this.timeline.reduce(
      (m, [t, rss]) => (t >= fromMs && t < toMs ? Math.max(m, rss) : m),
      0,
    );
  }
}

export interface ServerProcess {
  origin: string;
  pid: number;
  memory(): Promise<ProcessMemory>;
  /** Resets VmHWM (writes 5 to /proc/<pid>/clear_refs); false where that is not allowed. */
  resetPeak(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx src/main.ts serve` with `env` on top of this process's environment
 * and waits until /healthz answers.
 */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
    process.stderr.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const pid = child.pid;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  if (pid === undefined) throw new Error('the server process did not start');
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode}: ${stderr.slice(-2000)}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /healthz within 120 s: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    pid,
    memory: () => processMemory(pid),
    async resetPeak() {
      try {
        await writeFile(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    stop,
  };
}
