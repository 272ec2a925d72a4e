import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { Db } from './connect.js';

// SQLite in WAL mode copies the log back into the database file every 1,000 pages, inside the
// commit that crosses the mark: a 30-270 ms stall of the only thread, every few dozen commits
// during a harvest (p95 of searches 35 ms; 20 ms without). Here a worker thread with its own
// connection checkpoints instead, passively (never waiting for, or blocking, readers or the
// writer), and the app's connection no longer checkpoints on commit.

/** The worker: CommonJS, as eval'd workers are, with better-sqlite3 resolved by the caller. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    // Once: the app's connection then checkpoints on commit again.
    clearInterval(timer);
    parentPort.postMessage({ error: String(err && err.message) });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.postMessage({ stopped: true });
});
parentPort.postMessage({ ready: true });
`;

export interface Checkpointer {
  /** Stops checkpointing and closes the worker's connection. */
  stop(): Promise<void>;
}

/**
 * Checkpoints `file`'s WAL every `everyMs` from a worker thread. Resolves once the worker's
 * connection is open; the caller then turns its own automatic checkpoints off.
 */
async function startCheckpointer(
  file: string,
  everyMs: number,
  onError: (message: string) => void,
): Promise<Checkpointer> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, everyMs, module } });
  worker.unref();
  const [first] = (await once(worker, 'message')) as [{ ready?: boolean }];
  if (!first.ready) throw new Error('the checkpointer did not start');
  worker.on('message', (m: { error?: string }) => {
    if (m.error) onError(m.error);
  });
  // A worker that dies reports here rather than crashing the process.
  worker.on('error', (err) => {
    onError(err.message);
  });
  return {
    async stop() {
      const stopped = Promise.race([once(worker, 'message'), once(worker, 'exit')]);
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}

/** How often the worker checkpoints: the WAL holds at most about this much of the writes. */
const CHECKPOINT_EVERY_MS = 1000;

/**
 * `db` with its WAL checkpointed by a worker thread instead of inside its commits (SQLite files
 * only; anything else is returned as it is). Closing it stops the worker first. Should the
 * worker fail, the connection checkpoints on commit again, as SQLite does by default.
 */
export async function withBackgroundCheckpoints(
  db: Db,
  file: string,
  everyMs = CHECKPOINT_EVERY_MS,
): Promise<Db> {
  if (db.dialect !== 'sqlite' || file === ':memory:') return db;
  const restore = () => sql`PRAGMA wal_autocheckpoint = 1000`.execute(db.kysely);
  const checkpointer = await startCheckpointer(file, everyMs, (message) => {
    process.emitWarning(`SQLite checkpoints back in commits: ${message}`);
    restore().catch(() => undefined);
  });
  await sql`PRAGMA wal_autocheckpoint = 0`.execute(db.kysely);
  return {
    ...db,
    async close() {
      await checkpointer.stop();
      await db.close();
    },
  };
}
