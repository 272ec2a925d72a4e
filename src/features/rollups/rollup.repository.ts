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

/** The roll-ups a resource is a member of (a new version of it rebuilds them). */
export async function rollupsWithMember(db: Db, resourceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('rollup_members')
    .select('rollup_id')
    .where('resource_id', '=', resourceId)
    .execute();
  return rows.map((r) => r.rollup_id);
}

/**
 * Roll-ups with a member whose latest datastore version is not the one last checked: loads
 * made where no rebuild was queued (another process, the command line) are caught by this.
 */
export async function staleRollups(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('rollup_members as m')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('datastore_versions')
          .select(['resource_id', (v) => v.fn.max('version').as('latest')])
          .groupBy('resource_id')
          .as('v'),
      (join) => join.onRef('v.resource_id', '=', 'm.resource_id'),
    )
    .select('m.rollup_id')
    .where((w) =>
      w.or([w('m.checked_version', 'is', null), w('m.checked_version', '<', w.ref('v.latest'))]),
    )
    .distinct()
    .execute();
  return rows.map((r) => r.rollup_id);
}

/** The latest datastore version of each resource that has one. */
export async function latestVersions(db: Db, resourceIds: readonly string[]) {
  if (resourceIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('datastore_versions')
    .select(['resource_id', (v) => v.fn.max('version').as('latest')])
    .where('resource_id', 'in', resourceIds)
    .groupBy('resource_id')
    .execute();
  return new Map(rows.map((r) => [r.resource_id, r.latest]));
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
