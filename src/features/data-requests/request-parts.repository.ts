import type { Kysely } from 'kysely';
import type {
  DataRequestComment,
  DataRequestModeration,
  DataRequestStatusChange,
  Database,
} from '../../platform/db/schema.js';

// What hangs off a request: its status history, its supporters, its comments and their
// moderation.

export interface HistoryRow extends DataRequestStatusChange {
  actor_name: string | null;
  dataset_slug: string | null;
  dataset_title: string | null;
}

export function listHistoryRows(db: Kysely<Database>, requestId: string): Promise<HistoryRow[]> {
  return db
    .selectFrom('data_request_status_changes as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .leftJoin('datasets as d', (j) =>
      j
        .onRef('d.id', '=', 'h.dataset_id')
        .on('d.state', '=', 'active')
        .on('d.visibility', '=', 'public'),
    )
    .selectAll('h')
    .select(['u.name as actor_name', 'd.slug as dataset_slug', 'd.title as dataset_title'])
    .where('h.request_id', '=', requestId)
    .orderBy('h.created_at')
    .orderBy('h.id')
    .execute();
}

export async function insertHistoryRow(
  db: Kysely<Database>,
  row: DataRequestStatusChange,
): Promise<void> {
  await db.insertInto('data_request_status_changes').values(row).execute();
}

/** Adds the supporter unless already there; true when added. */
export async function insertSupporter(
  db: Kysely<Database>,
  requestId: string,
  userId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .insertInto('data_request_supporters')
    .values({ request_id: requestId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.columns(['request_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Sets the request's count from its supporter rows; returns it. */
export async function recountSupporters(db: Kysely<Database>, requestId: string): Promise<number> {
  const row = await db
    .selectFrom('data_request_supporters')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  await db
    .updateTable('data_requests')
    .set({ supporters_count: n })
    .where('id', '=', requestId)
    .execute();
  return n;
}

export async function isSupporter(
  db: Kysely<Database>,
  requestId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('data_request_supporters')
    .select('user_id')
    .where('request_id', '=', requestId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!row;
}

/** Who hears of a status change: the requester and every supporter (verified addresses). */
export function listWatcherEmails(db: Kysely<Database>, requestId: string): Promise<string[]> {
  return db
    .selectFrom('users as u')
    .select('u.email')
    .where('u.email_verified_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb(
          'u.id',
          'in',
          eb.selectFrom('data_requests').select('requester_id').where('id', '=', requestId),
        ),
        eb(
          'u.id',
          'in',
          eb
            .selectFrom('data_request_supporters')
            .select('user_id')
            .where('request_id', '=', requestId),
        ),
      ]),
    )
    .orderBy('u.email')
    .execute()
    .then((rows) => rows.map((r) => r.email));
}

export interface CommentRow extends DataRequestComment {
  author_name: string | null;
}

export function listCommentRows(
  db: Kysely<Database>,
  requestId: string,
  withHidden: boolean,
): Promise<CommentRow[]> {
  let q = db
    .selectFrom('data_request_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .selectAll('c')
    .select('u.name as author_name')
    .where('c.request_id', '=', requestId);
  if (!withHidden) q = q.where('c.hidden', '=', 0);
  return q.orderBy('c.created_at').orderBy('c.id').execute();
}

export function findComment(
  db: Kysely<Database>,
  requestId: string,
  commentId: string,
): Promise<DataRequestComment | undefined> {
  return db
    .selectFrom('data_request_comments')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('id', '=', commentId)
    .executeTakeFirst();
}

export async function insertComment(db: Kysely<Database>, row: DataRequestComment): Promise<void> {
  await db.insertInto('data_request_comments').values(row).execute();
}

export async function setCommentHidden(
  db: Kysely<Database>,
  commentId: string,
  hidden: boolean,
): Promise<void> {
  await db
    .updateTable('data_request_comments')
    .set({ hidden: hidden ? 1 : 0 })
    .where('id', '=', commentId)
    .execute();
}

export async function insertModeration(
  db: Kysely<Database>,
  row: DataRequestModeration,
): Promise<void> {
  await db.insertInto('data_request_moderations').values(row).execute();
}
