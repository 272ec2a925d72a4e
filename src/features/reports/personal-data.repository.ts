import { sql, type Kysely } from 'kysely';
import type { Database, Report, ReportSupporter } from '../../platform/db/schema.js';

// The rows of reports that hold one person (by account, or by the e-mail they gave), read for
// their export and stripped of them when they ask to be forgotten.

/** Who: an account's id, and/or an e-mail address the person proved they read. */
export interface Person {
  userId: string | null;
  email: string | null;
}

function nobody(person: Person): boolean {
  return person.userId === null && person.email === null;
}

export function reportsOfPerson(db: Kysely<Database>, person: Person): Promise<Report[]> {
  if (nobody(person)) return Promise.resolve([]);
  return db
    .selectFrom('reports')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(person.userId ? [eb('reporter_user_id', '=', person.userId)] : []),
        ...(person.email ? [eb('reporter_email', '=', person.email)] : []),
      ]),
    )
    .orderBy('created_at')
    .execute();
}

export function supportsOfPerson(db: Kysely<Database>, person: Person): Promise<ReportSupporter[]> {
  if (nobody(person)) return Promise.resolve([]);
  return db
    .selectFrom('report_supporters')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(person.userId ? [eb('user_id', '=', person.userId)] : []),
        ...(person.email ? [eb('email', '=', person.email)] : []),
      ]),
    )
    .orderBy('created_at')
    .execute();
}

/** Updates this user wrote (reopening their reports), on any report. */
export function updatesByUser(db: Kysely<Database>, userId: string | null) {
  if (!userId) return Promise.resolve([]);
  return db
    .selectFrom('report_updates')
    .select(['id', 'report_id', 'status', 'text', 'source', 'created_at'])
    .where('author_user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** The reports keep their public part; who made them is gone, for good. */
export async function forgetReporter(
  db: Kysely<Database>,
  reportIds: readonly string[],
  at: string,
): Promise<void> {
  if (reportIds.length === 0) return;
  await db
    .updateTable('reports')
    .set({
      reporter_user_id: null,
      reporter_email: null,
      reporter_name: null,
      reporter_phone: null,
      show_name: 0,
      anonymised: 1,
      updated_at: at,
    })
    .where('id', 'in', reportIds)
    .execute();
}

export async function forgetUpdateAuthor(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .updateTable('report_updates')
    .set({ author_user_id: null })
    .where('author_user_id', '=', userId)
    .execute();
}

/** Removes "me too"s and takes the confirmed ones off their reports' counts. */
export async function removeSupports(
  db: Kysely<Database>,
  supports: readonly ReportSupporter[],
): Promise<void> {
  for (const s of supports) {
    await db.deleteFrom('report_supporters').where('id', '=', s.id).execute();
    if (s.confirmed === 1) {
      await db
        .updateTable('reports')
        .set({
          supporters_count: sql<number>`CASE WHEN supporters_count > 0 THEN supporters_count - 1 ELSE 0 END`,
        })
        .where('id', '=', s.report_id)
        .execute();
    }
  }
}

/** How many times the rate limit under `key` was hit in its current window (0 if never). */
export async function rateLimitCount(db: Kysely<Database>, key: string): Promise<number> {
  const row = await db
    .selectFrom('rate_limits')
    .select('count')
    .where('key', '=', key)
    .executeTakeFirst();
  // PostgreSQL's driver may hand back a bigint as a string.
  return row ? +String(row.count) : 0;
}
