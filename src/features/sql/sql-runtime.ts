import type { AppContext } from '../../context.js';
import { BesideEngine } from '../../platform/engine/beside-engine.js';
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
  sandbox: Sandbox;
  gate: Gate;
  close(): Promise<void>;
}

const runtimes = new BesideEngine<AppContext, Runtime>(async (ctx) => {
  const max = Math.max(1, ctx.config.sqlMaxConcurrent);
  const sandbox = await openSandbox(ctx.config, ctx.engine.tempDir);
  return { sandbox, gate: new Gate(max, max), close: () => sandbox.close() };
});

export const sqlRuntime = (ctx: AppContext): Promise<Runtime> => runtimes.get(ctx);

/** Closes the SQL endpoint's instance, if it was opened (when the app stops). */
export const closeSqlRuntime = (ctx: AppContext): Promise<void> => runtimes.close(ctx);
