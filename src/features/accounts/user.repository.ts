import type { Kysely } from 'kysely';
import type { Database, Role, User } from '../../platform/db/schema.js';

export function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Kysely<Database>, user: User): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function listRoles(
  db: Kysely<Database>,
  userId: string,
): Promise<{ organisation_id: string; role: Role }[]> {
  return db
    .selectFrom('memberships')
    .select(['organisation_id', 'role'])
    .where('user_id', '=', userId)
    .execute();
}

export async function upsertMembership(
  db: Kysely<Database>,
  row: { user_id: string; organisation_id: string; role: Role; created_at: string },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'organisation_id']).doUpdateSet({ role: row.role }))
    .execute();
}

export async function updatePasswordHash(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .execute();
}

/** Site administrators who can sign in (the demo data bot is one with no password). */
export function listSignInAdmins(db: Kysely<Database>, limit: number): Promise<{ id: string }[]> {
  return db
    .selectFrom('users')
    .select('id')
    .where('is_site_admin', '=', 1)
    .where('password_hash', 'is not', null)
    .limit(limit)
    .execute();
}

/** Records that the person proved their mailbox (the first time only). */
export async function markEmailVerified(
  db: Kysely<Database>,
  userId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: at })
    .where('id', '=', userId)
    .where('email_verified_at', 'is', null)
    .execute();
}

export async function clearPasswordHash(db: Kysely<Database>, userId: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: null }).where('id', '=', userId).execute();
}
