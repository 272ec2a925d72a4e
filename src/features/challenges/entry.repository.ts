import type { Insertable, Kysely, Updateable } from 'kysely';
import type {
  ChallengeEntryMemberRow,
  ChallengeEntryMemberTable,
  ChallengeEntryRow,
  ChallengeEntryTable,
  Database,
  EntryAward,
} from '../../platform/db/schema.js';

type Db = Kysely<Database>;

/** Entries of a challenge, oldest first. */
export function listEntryRows(db: Db, challengeId: string): Promise<ChallengeEntryRow[]> {
  return db
    .selectFrom('challenge_entries')
    .selectAll()
    .where('challenge_id', '=', challengeId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findEntryRow(db: Db, id: string): Promise<ChallengeEntryRow | undefined> {
  return db.selectFrom('challenge_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The members of these entries (lead first, then by invitation), with names once accepted. */
export async function membersOfEntries(
  db: Db,
  entryIds: readonly string[],
): Promise<(ChallengeEntryMemberRow & { name: string | null })[]> {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom('challenge_entry_members as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .selectAll('m')
    .select('u.name as name')
    .where('m.entry_id', 'in', [...entryIds])
    .orderBy('m.role')
    .orderBy('m.invited_at')
    .orderBy('m.email')
    .execute();
}

export async function insertEntry(
  db: Db,
  entry: Insertable<ChallengeEntryTable>,
  members: Insertable<ChallengeEntryMemberTable>[],
): Promise<void> {
  await db.insertInto('challenge_entries').values(entry).execute();
  if (members.length > 0) await db.insertInto('challenge_entry_members').values(members).execute();
}

/** Sets the awards of a challenge's entries: these winners and commendations, the rest none. */
export async function setAwards(
  db: Db,
  challengeId: string,
  awards: ReadonlyMap<string, EntryAward>,
  at: string,
): Promise<void> {
  await db
    .updateTable('challenge_entries')
    .set({ award: null, updated_at: at })
    .where('challenge_id', '=', challengeId)
    .execute();
  for (const [id, award] of awards) {
    await db
      .updateTable('challenge_entries')
      .set({ award, updated_at: at })
      .where('id', '=', id)
      .where('challenge_id', '=', challengeId)
      .execute();
  }
}

/** Invitations to this address not yet accepted, with their entry and challenge. */
export function pendingInvitations(db: Db, email: string) {
  return db
    .selectFrom('challenge_entry_members as m')
    .innerJoin('challenge_entries as e', 'e.id', 'm.entry_id')
    .innerJoin('challenges as c', 'c.id', 'e.challenge_id')
    .select([
      'e.id as entry_id',
      'e.title as entry_title',
      'e.team_name',
      'c.slug as challenge_slug',
      'c.title as challenge_title',
      'm.invited_at',
    ])
    .where('m.email', '=', email)
    .where('m.accepted_at', 'is', null)
    .orderBy('m.invited_at')
    .execute();
}

export async function acceptInvitation(
  db: Db,
  entryId: string,
  email: string,
  userId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('challenge_entry_members')
    .set({ user_id: userId, accepted_at: at })
    .where('entry_id', '=', entryId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateEntryRow(
  db: Db,
  id: string,
  changes: Updateable<ChallengeEntryTable>,
): Promise<void> {
  await db.updateTable('challenge_entries').set(changes).where('id', '=', id).execute();
}

/** How many entries a challenge has ever had, withdrawn ones too. */
export async function countEntries(db: Db, challengeId: string): Promise<number> {
  const row = await db
    .selectFrom('challenge_entries')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('challenge_id', '=', challengeId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The addresses of everyone in a team of an entry not withdrawn (the lead and who accepted). */
export async function entrantEmails(db: Db, challengeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('challenge_entry_members as m')
    .innerJoin('challenge_entries as e', 'e.id', 'm.entry_id')
    .select('m.email')
    .distinct()
    .where('e.challenge_id', '=', challengeId)
    .where('e.withdrawn_at', 'is', null)
    .where('m.accepted_at', 'is not', null)
    .orderBy('m.email')
    .execute();
  return rows.map((r) => r.email);
}
