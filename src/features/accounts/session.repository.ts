import type { Kysely } from 'kysely';
import type { Database, Session } from '../../platform/db/schema.js';

export async function insertSession(db: Kysely<Database>, session: Session): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export function findSession(db: Kysely<Database>, id: string): Promise<Session | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function extendSession(
  db: Kysely<Database>,
  id: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, at: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', at).execute();
}
