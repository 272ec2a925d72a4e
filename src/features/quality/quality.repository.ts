import type { Kysely } from 'kysely';
import type { Database, NewQualityScore, QualityScore } from '../../platform/db/schema.js';

// The stored scores: written by the recompute, read by pages, the API and the standards.

type Db = Kysely<Database>;

/** Up to `limit` datasets (not deleted) after the id `after`, in id order: a scan in steps. */
export async function datasetIdsAfter(db: Db, after: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('datasets')
    .select('id')
    .where('state', '!=', 'deleted')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The dataset a resource belongs to. */
export async function datasetOfResource(db: Db, resourceId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('resources')
    .select('dataset_id')
    .where('id', '=', resourceId)
    .executeTakeFirst();
  return row?.dataset_id;
}

/** Stores scores, new or replacing the old, in one statement (a round trip each was most of
 * the time of scoring a catalogue on PostgreSQL). */
export async function saveScores(db: Db, rows: readonly NewQualityScore[]): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = (Object.keys(first) as (keyof NewQualityScore)[]).filter(
    (c) => c !== 'dataset_id',
  );
  await db
    .insertInto('quality_scores')
    .values([...rows])
    .onConflict((oc) =>
      oc
        .column('dataset_id')
        .doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))),
    )
    .execute();
}

export const findScore = (db: Db, datasetId: string): Promise<QualityScore | undefined> =>
  db
    .selectFrom('quality_scores')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();

export const findScores = (db: Db, datasetIds: readonly string[]): Promise<QualityScore[]> =>
  datasetIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('quality_scores')
        .selectAll()
        .where('dataset_id', 'in', [...datasetIds])
        .execute();
