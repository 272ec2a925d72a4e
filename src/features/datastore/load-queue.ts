import type { AppContext } from '../../context.js';
import type { DatastoreLoad } from '../../platform/db/schema.js';
import { findLoad, queuedLoadIds, requeueRunningLoads } from './datastore.repository.js';
import { runLoad } from './load.service.js';

type Waiter = (load: DatastoreLoad) => void;

/**
 * Runs loads one at a time in the background (DuckDB already uses every core for one).
 * Loads are rows in the database, so a load queued before a crash or restart is run after it.
 */
export class LoadQueue {
  private running: Promise<void> | null = null;
  private readonly waiters = new Map<string, Waiter[]>();
  private stopped = false;

  constructor(private readonly ctx: AppContext) {}

  /** Requeues loads a dead process left running, then runs everything queued. */
  async start(): Promise<void> {
    await requeueRunningLoads(this.ctx.db.kysely);
    this.kick();
  }

  kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when the load has finished (succeeded or failed). */
  async waitFor(loadId: string): Promise<DatastoreLoad> {
    // Listen first, then look: a load finishing in between is caught either way.
    const done = new Promise<DatastoreLoad>((resolve) => {
      this.waiters.set(loadId, [...(this.waiters.get(loadId) ?? []), resolve]);
    });
    const load = await findLoad(this.ctx.db.kysely, loadId);
    if (!load) throw new Error(`No load ${loadId}`);
    if (load.status === 'succeeded' || load.status === 'failed') {
      this.waiters.delete(loadId);
      return load;
    }
    this.kick();
    return done;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const ids = await queuedLoadIds(this.ctx.db.kysely);
      if (ids.length === 0 || this.isStopped()) return;
      for (const id of ids) {
        if (this.isStopped()) return;
        const load = await runLoad(this.ctx, id);
        for (const w of this.waiters.get(id) ?? []) w(load);
        this.waiters.delete(id);
      }
    }
  }

  private isStopped(): boolean {
    return this.stopped;
  }

  /** Lets the load in progress finish; starts no other. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}

const queues = new WeakMap<AppContext, LoadQueue>();

/** The queue of this context (one per process). */
export function loadQueue(ctx: AppContext): LoadQueue {
  let q = queues.get(ctx);
  if (!q) {
    q = new LoadQueue(ctx);
    queues.set(ctx, q);
  }
  return q;
}
