import type { Engine } from './engine.js';

/**
 * Something opened beside an app's engine at its first use (a DuckDB instance of its own for
 * exports, for the SQL endpoint), one per engine, and closed when the app stops. A failed
 * opening is forgotten, so the next use tries again.
 */
export class BesideEngine<C extends { engine: Engine }, T extends { close(): Promise<void> }> {
  private readonly opened = new WeakMap<Engine, Promise<T>>();

  constructor(private readonly open: (ctx: C) => Promise<T>) {}

  get(ctx: C): Promise<T> {
    let opening = this.opened.get(ctx.engine);
    if (!opening) {
      opening = this.open(ctx);
      this.opened.set(ctx.engine, opening);
      opening.catch(() => this.opened.delete(ctx.engine));
    }
    return opening;
  }

  /** Closes what was opened, if anything was. */
  async close(ctx: C): Promise<void> {
    const opening = this.opened.get(ctx.engine);
    if (!opening) return;
    this.opened.delete(ctx.engine);
    await (await opening).close();
  }
}
