import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.js';
import type { Database, Job } from '../db/schema.js';

// The jobs table's SQL. A claim is one statement, so two processes never take the same job: on
// PostgreSQL the candidate row is locked with SKIP LOCKED, and SQLite has one writer anyway.

export async function insertJob(db: Kysely<Database>, job: Job): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values(job)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export interface ClaimInput {
  kinds: readonly string[];
  /** This job only (a caller running it now), if it is due or its lease has lapsed. */
  id?: string | undefined;
  worker: string;
  at: string;
  leaseUntil: string;
}

/** Takes the next due job (queued and due, or running with a lapsed lease) of these kinds. */
export async function claimNextJob(db: Db, input: ClaimInput): Promise<Job | undefined> {
  if (input.kinds.length === 0) return undefined;
  return db.kysely
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      locked_by: input.worker,
      lease_until: input.leaseUntil,
      attempts: eb('attempts', '+', 1),
      // A job that is running no longer stands in the queue: the same work may be asked again.
      dedupe_key: null,
      updated_at: input.at,
    }))
    .where('id', '=', (eb) => {
      let next = eb
        .selectFrom('jobs')
        .select('id')
        .where('kind', 'in', input.kinds)
        .$if(input.id !== undefined, (q) => q.where('id', '=', input.id ?? ''))
        .where((w) =>
          w.or([
            w.and([w('state', '=', 'queued'), w('run_at', '<=', input.at)]),
            w.and([w('state', '=', 'running'), w('lease_until', '<', input.at)]),
          ]),
        )
        .orderBy('run_at')
        .limit(1);
      if (db.dialect === 'postgres') next = next.forUpdate().skipLocked();
      return next;
    })
    .returningAll()
    .executeTakeFirst();
}

/** Extends the lease of a job this worker still holds; false when another took it over. */
export async function renewJobLease(
  db: Kysely<Database>,
  id: string,
  worker: string,
  leaseUntil: string,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ lease_until: leaseUntil })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface JobOutcome {
  state: 'queued' | 'done' | 'parked';
  runAt?: string;
  error?: string | null;
  at: string;
}

/** Records how a held job ended (done, back in the queue for later, or parked). */
export async function finishJob(
  db: Kysely<Database>,
  id: string,
  worker: string,
  outcome: JobOutcome,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      state: outcome.state,
      lease_until: null,
      locked_by: null,
      last_error: outcome.error ?? null,
      updated_at: outcome.at,
      ...(outcome.runAt ? { run_at: outcome.runAt } : {}),
      finished_at: outcome.state === 'queued' ? null : outcome.at,
    })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .execute();
}

export function findJob(db: Kysely<Database>, id: string): Promise<Job | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listJobs(
  db: Kysely<Database>,
  filter: {
    kind?: string;
    states?: readonly Job['state'][];
    /** Only jobs whose last attempt failed. */
    withError?: boolean;
    limit: number;
  },
): Promise<Job[]> {
  let q = db.selectFrom('jobs').selectAll();
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.states) q = q.where('state', 'in', filter.states);
  if (filter.withError) q = q.where('last_error', 'is not', null);
  return q.orderBy('updated_at', 'desc').limit(filter.limit).execute();
}

/** Whether a job of this kind waits in the queue or is being run. */
export async function hasPendingJob(db: Kysely<Database>, kind: string): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .where('state', 'in', ['queued', 'running'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Puts a parked job back in the queue, its attempts counted from zero (an admin's retry). */
export async function requeueJob(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'queued', attempts: 0, run_at: at, updated_at: at, finished_at: null })
    .where('id', '=', id)
    .where('state', '=', 'parked')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Forgets finished jobs older than `before`; parked ones stay until someone looks. */
export async function deleteDoneJobs(db: Kysely<Database>, before: string): Promise<void> {
  await db
    .deleteFrom('jobs')
    .where('state', '=', 'done')
    .where('finished_at', '<', before)
    .execute();
}

export interface JobCount {
  kind: string;
  state: Job['state'];
  count: number;
  /** The earliest run_at among these jobs (for queued ones: since when the oldest is due). */
  oldest_run_at: string | null;
}

/** How many jobs there are of each kind and state, with the earliest due time of each group. */
export async function countJobs(db: Kysely<Database>): Promise<JobCount[]> {
  const rows = await db
    .selectFrom('jobs')
    .select((eb) => [
      'kind',
      'state',
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.min('run_at').as('oldest_run_at'),
    ])
    .groupBy(['kind', 'state'])
    .orderBy('kind')
    .orderBy('state')
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
