import type { AppContext } from '../../context.js';
import type { Engine } from '../../platform/engine/engine.js';
import { openSandbox, type Sandbox } from '../../platform/engine/sandbox.js';
import { DomainError } from '../../platform/errors.js';

// What the SQL endpoint holds for as long as the app runs: its DuckDB instance, opened at the
// first query, and the gate that lets SQL_MAX_CONCURRENT queries run and as many wait.

export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(
    private readonly max: number,
    private readonly queue: number,
  ) {}

  /** A place to run, waiting for one if all are taken; 429 when the queue is full too. */
  async enter(): Promise<() => void> {
    if (this.running < this.max) this.running++;
    else if (this.waiting.length < this.queue) {
      // A released place passes straight to the next in line (running stays the same).
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      throw new DomainError(
        'rate_limited',
        'sql_busy',
        'Too many SQL queries are running now; try again in a few seconds',
      );
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}

interface Runtime {
  sandbox: Promise<Sandbox>;
  gate: Gate;
}

const runtimes = new WeakMap<Engine, Runtime>();

export function sqlRuntime(ctx: AppContext): Runtime {
  let runtime = runtimes.get(ctx.engine);
  if (!runtime) {
    const max = Math.max(1, ctx.config.sqlMaxConcurrent);
    const sandbox = openSandbox(ctx.config, ctx.engine.tempDir);
    runtime = { sandbox, gate: new Gate(max, max) };
    runtimes.set(ctx.engine, runtime);
    sandbox.catch(() => runtimes.delete(ctx.engine));
  }
  return runtime;
}

/** Closes the SQL endpoint's instance, if it was opened (when the app stops). */
export async function closeSqlRuntime(ctx: AppContext): Promise<void> {
  const runtime = runtimes.get(ctx.engine);
  if (!runtime) return;
  runtimes.delete(ctx.engine);
  await (await runtime.sandbox).close();
}
