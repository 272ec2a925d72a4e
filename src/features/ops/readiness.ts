import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { pendingMigrations } from '../../platform/db/migrate.js';

export type CheckName = 'database' | 'migrations' | 'blobs' | 'engine';

export interface Readiness {
  ok: boolean;
  checks: Record<CheckName, 'ok' | 'failing'>;
  /** Each failing check's error, for the log (the probe's answer names only the check). */
  errors: Partial<Record<CheckName, unknown>>;
}

/** What a node needs to serve: every check runs at once, each on its own. */
const CHECKS: Record<CheckName, (ctx: AppContext) => Promise<unknown>> = {
  database: (ctx) => sql`select 1`.execute(ctx.db.kysely),
  // A node migrates before it listens, so this fails only if the database went back under it
  // (a restore from an older backup): its code would then query tables that are not there.
  migrations: async (ctx) => {
    const pending = await pendingMigrations(ctx.db);
    if (pending.length > 0) throw new Error(`Migrations not applied: ${pending.join(', ')}`);
  },
  blobs: (ctx) => ctx.blobs.check(),
  engine: (ctx) => ctx.engine.all('SELECT 1'),
};

export async function checkReadiness(ctx: AppContext): Promise<Readiness> {
  const entries = Object.entries(CHECKS) as [CheckName, (ctx: AppContext) => Promise<unknown>][];
  const results = await Promise.allSettled(entries.map(([, check]) => check(ctx)));
  const readiness: Readiness = { ok: true, checks: {} as Readiness['checks'], errors: {} };
  entries.forEach(([name], i) => {
    const result = results[i];
    readiness.checks[name] = result?.status === 'fulfilled' ? 'ok' : 'failing';
    if (result?.status === 'rejected') {
      readiness.ok = false;
      readiness.errors[name] = result.reason;
    }
  });
  return readiness;
}
