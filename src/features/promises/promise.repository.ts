import type { Insertable, Kysely, Updateable } from 'kysely';
import type {
  Database,
  PromiseRow,
  PromiseStatus,
  PromiseStatusChange,
  PromiseStatusChangeTable,
  PromiseTable,
} from '../../platform/db/schema.js';

type Db = Kysely<Database>;

/** A promise with its owner's slug and name, as lists and pages show it. */
export interface PromiseWithOwner extends PromiseRow {
  owner_slug: string;
  owner_name: string;
}

const withOwner = (db: Db) =>
  db
    .selectFrom('promises as p')
    .innerJoin('organisations as o', 'o.id', 'p.owner_id')
    .selectAll('p')
    .select(['o.slug as owner_slug', 'o.name as owner_name']);

export function findPromiseBySlug(db: Db, slug: string): Promise<PromiseWithOwner | undefined> {
  return withOwner(db).where('p.slug', '=', slug).executeTakeFirst();
}

export interface PromiseFilter {
  statuses: PromiseStatus[];
  themes: string[];
}

/** Promises by theme, then title; an empty filter list means any. */
export function listPromiseRows(db: Db, filter: PromiseFilter): Promise<PromiseWithOwner[]> {
  let qb = withOwner(db);
  if (filter.statuses.length > 0) qb = qb.where('p.status', 'in', filter.statuses);
  if (filter.themes.length > 0) qb = qb.where('p.theme', 'in', filter.themes);
  return qb.orderBy('p.theme').orderBy('p.title').orderBy('p.id').execute();
}

export async function countPromisesByStatus(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('promises')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export async function insertPromise(db: Db, row: Insertable<PromiseTable>): Promise<void> {
  await db.insertInto('promises').values(row).execute();
}

export async function updatePromise(
  db: Db,
  id: string,
  changes: Updateable<PromiseTable>,
): Promise<void> {
  await db.updateTable('promises').set(changes).where('id', '=', id).execute();
}

export async function insertStatusChange(
  db: Db,
  row: Insertable<PromiseStatusChangeTable>,
): Promise<void> {
  await db.insertInto('promise_status_changes').values(row).execute();
}

/** A status change as the pages and feeds show it: by whom (a name), of which promise. */
export interface StatusChangeRow extends Omit<PromiseStatusChange, 'actor_id'> {
  actor_name: string | null;
  promise_slug: string;
  promise_title: string;
}

const changes = (db: Db) =>
  db
    .selectFrom('promise_status_changes as c')
    .innerJoin('promises as p', 'p.id', 'c.promise_id')
    .leftJoin('users as u', 'u.id', 'c.actor_id')
    .select([
      'c.id',
      'c.promise_id',
      'c.changed_on',
      'c.from_status',
      'c.to_status',
      'c.rationale',
      'c.evidence',
      'c.created_at',
      'u.name as actor_name',
      'p.slug as promise_slug',
      'p.title as promise_title',
    ]);

/** A promise's changes in the order they happened (by date, then by when they were recorded). */
export function listStatusChanges(db: Db, promiseId: string): Promise<StatusChangeRow[]> {
  return changes(db)
    .where('c.promise_id', '=', promiseId)
    .orderBy('c.changed_on')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** The latest changes of every promise (or one), newest first, for the feeds. */
export function listRecentStatusChanges(
  db: Db,
  limit: number,
  promiseId?: string,
): Promise<StatusChangeRow[]> {
  let qb = changes(db);
  if (promiseId !== undefined) qb = qb.where('c.promise_id', '=', promiseId);
  return qb
    .orderBy('c.changed_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}

/** Deletes a promise; its status changes go with it (foreign key, on delete cascade). */
export async function deletePromiseRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('promise_status_changes').where('promise_id', '=', id).execute();
  await db.deleteFrom('promises').where('id', '=', id).execute();
}
