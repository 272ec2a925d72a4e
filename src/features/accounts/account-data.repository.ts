import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

// What the accounts feature holds about one person, read for their export and removed when
// they delete their account.

export function membershipsOfUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.slug', 'o.name', 'm.role', 'm.created_at'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

export function sessionsOfUser(db: Kysely<Database>, userId: string) {
  // Never the id: it is the hash of a live cookie.
  return db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export function signInAddressesOfUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('sign_in_addresses')
    .select(['address', 'last_at'])
    .where('user_id', '=', userId)
    .orderBy('last_at', 'desc')
    .execute();
}

/**
 * Removes the user and everything that is only theirs. The foreign keys would cascade most of
 * it; deleting each explicitly says what goes, and works the same on both databases.
 */
export async function deleteUserAndOwnRows(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
  await db.deleteFrom('memberships').where('user_id', '=', userId).execute();
  await db.deleteFrom('sign_in_links').where('user_id', '=', userId).execute();
  await db.deleteFrom('sign_in_addresses').where('user_id', '=', userId).execute();
  await db
    .deleteFrom('sign_in_attempts')
    .where('key', 'in', [`account:${userId}`, `link:${userId}`])
    .execute();
  await db.deleteFrom('users').where('id', '=', userId).execute();
}
