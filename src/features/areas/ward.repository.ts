import type { Kysely } from 'kysely';
import { markBoundariesChanged } from '../../platform/db/meta.repository.js';
import type { Database, NewWard, Ward } from '../../platform/db/schema.js';

export function listWards(db: Kysely<Database>): Promise<Ward[]> {
  return db.selectFrom('wards').selectAll().orderBy('code').execute();
}

export async function countWardsOf(db: Kysely<Database>, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('wards')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Inserts the wards, or replaces those with the same code; returns the codes that were new. */
export async function upsertWards(db: Kysely<Database>, wards: NewWard[]): Promise<string[]> {
  if (wards.length === 0) return [];
  const known = new Set(
    (
      await db
        .selectFrom('wards')
        .select('code')
        .where(
          'code',
          'in',
          wards.map((w) => w.code),
        )
        .execute()
    ).map((r) => r.code),
  );
  for (const w of wards) {
    await db
      .insertInto('wards')
      .values(w)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          name: w.name,
          organisation_id: w.organisation_id,
          boundary: w.boundary,
          min_lon: w.min_lon,
          min_lat: w.min_lat,
          max_lon: w.max_lon,
          max_lat: w.max_lat,
          updated_at: w.updated_at,
        }),
      )
      .execute();
  }
  await markBoundariesChanged(db);
  return wards.filter((w) => !known.has(w.code)).map((w) => w.code);
}

/** Removes the organisations' wards whose codes are not in `keep` (a new set of wards). */
export async function deleteWardsNotIn(
  db: Kysely<Database>,
  organisationIds: string[],
  keep: string[],
): Promise<number> {
  if (organisationIds.length === 0) return 0;
  let query = db.deleteFrom('wards').where('organisation_id', 'in', organisationIds);
  if (keep.length > 0) query = query.where('code', 'not in', keep);
  const result = await query.executeTakeFirst();
  await markBoundariesChanged(db);
  return Number(result.numDeletedRows);
}
