import type { Kysely } from 'kysely';
import type {
  Database,
  Rollup,
  RollupMember,
  RollupMemberTable,
  RollupTable,
} from '../../platform/db/schema.js';

// The roll-ups' SQL: roll-ups, their members with the last reports, the expected contributors.

type Db = Kysely<Database>;

export const insertRollup = async (db: Db, row: RollupTable) => {
  await db.insertInto('rollups').values(row).execute();
};

export const findRollupBySlug = (db: Db, slug: string): Promise<Rollup | undefined> =>
  db.selectFrom('rollups').selectAll().where('slug', '=', slug).executeTakeFirst();

export const findRollupById = (db: Db, id: string): Promise<Rollup | undefined> =>
  db.selectFrom('rollups').selectAll().where('id', '=', id).executeTakeFirst();

export const listRollups = (db: Db): Promise<Rollup[]> =>
  db.selectFrom('rollups').selectAll().orderBy('title').orderBy('slug').execute();

export async function updateRollup(
  db: Db,
  id: string,
  patch: Partial<Omit<RollupTable, 'id'>>,
): Promise<void> {
  await db.updateTable('rollups').set(patch).where('id', '=', id).execute();
}

/**
 * Deletes the roll-up (its members and expected organisations go with it) unless a rebuild
 * holds it at `at`; false when one does. One statement, so no rebuild can take the row between
 * the look and the delete, and a rebuild queued before finds it gone.
 */
export async function deleteRollupUnlessBuilding(db: Db, id: string, at: string) {
  const result = await db
    .deleteFrom('rollups')
    .where('id', '=', id)
    .where((w) => w.or([w('building_until', 'is', null), w('building_until', '<', at)]))
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Takes the roll-up for a rebuild until `until`; false when another rebuild holds it. */
export async function claimBuild(db: Db, id: string, at: string, until: string): Promise<boolean> {
  const result = await db
    .updateTable('rollups')
    .set({ building_until: until })
    .where('id', '=', id)
    .where((w) => w.or([w('building_until', 'is', null), w('building_until', '<', at)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function releaseBuild(db: Db, id: string): Promise<void> {
  await db.updateTable('rollups').set({ building_until: null }).where('id', '=', id).execute();
}

export const membersOf = (db: Db, rollupIds: readonly string[]): Promise<RollupMember[]> =>
  rollupIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('rollup_members')
        .selectAll()
        .where('rollup_id', 'in', rollupIds)
        .orderBy('added_at')
        .orderBy('resource_id')
        .execute();

export async function insertMember(db: Db, row: RollupMemberTable): Promise<boolean> {
  const result = await db
    .insertInto('rollup_members')
    .values(row)
    .onConflict((oc) => oc.columns(['rollup_id', 'resource_id']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function deleteMember(db: Db, rollupId: string, resourceId: string) {
  const result = await db
    .deleteFrom('rollup_members')
    .where('rollup_id', '=', rollupId)
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function updateMember(
  db: Db,
  rollupId: string,
  resourceId: string,
  patch: Partial<
    Pick<RollupMemberTable, 'status' | 'report' | 'checked_version' | 'checked_at' | 'included'>
  >,
): Promise<void> {
  await db
    .updateTable('rollup_members')
    .set(patch)
    .where('rollup_id', '=', rollupId)
    .where('resource_id', '=', resourceId)
    .execute();
}

/** Forgets every member's last check (the schema changed): each is checked again, as new. */
export async function resetMemberChecks(db: Db, rollupId: string): Promise<void> {
  await db
    .updateTable('rollup_members')
    .set({ status: 'pending', report: null, checked_version: null, checked_at: null })
    .where('rollup_id', '=', rollupId)
    .execute();
}

/** The roll-ups a resource is a member of (a new version of it rebuilds them). */
export async function rollupsWithMember(db: Db, resourceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('rollup_members')
    .select('rollup_id')
    .where('resource_id', '=', resourceId)
    .execute();
  return rows.map((r) => r.rollup_id);
}

/** Every membership with the version last checked, for finding roll-ups behind their members. */
export function allMembers(db: Db) {
  return db
    .selectFrom('rollup_members')
    .select(['rollup_id', 'resource_id', 'checked_version'])
    .execute();
}

export async function insertExpected(db: Db, rollupId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return;
  await db
    .insertInto('rollup_expected')
    .values(organisationIds.map((organisation_id) => ({ rollup_id: rollupId, organisation_id })))
    .onConflict((oc) => oc.columns(['rollup_id', 'organisation_id']).doNothing())
    .execute();
}

export async function expectedOf(db: Db, rollupIds: readonly string[]) {
  if (rollupIds.length === 0) return [];
  return db.selectFrom('rollup_expected').selectAll().where('rollup_id', 'in', rollupIds).execute();
}

/** The organisations expected to contribute become exactly these. */
export async function replaceExpected(db: Db, rollupId: string, organisationIds: string[]) {
  await db.deleteFrom('rollup_expected').where('rollup_id', '=', rollupId).execute();
  await insertExpected(db, rollupId, organisationIds);
}
