import type { Kysely } from 'kysely';
import type { Database, Role } from '../../platform/db/schema.js';

export interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  created_at: string;
}

export function listMembersOf(db: Kysely<Database>, organisationId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.name', 'u.email', 'm.role', 'm.created_at'])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('u.name')
    .orderBy('u.email')
    .execute();
}

export async function updateMembershipRole(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
  role: Role,
): Promise<number> {
  const result = await db
    .updateTable('memberships')
    .set({ role })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteMembership(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('memberships')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
