import type { Kysely } from 'kysely';
import type { Database, NewQualityScore, QualityScore } from '../../platform/db/schema.js';

// The stored scores: written by the recompute, read by pages, the API and the standards.

type Db = Kysely<Database>;

/**
 * Datasets (not deleted) whose score is missing or older than a change to the dataset, one of
 * its resources, a datastore load of one, or a check of one's link. Text timestamps compare
 * as times on both databases (ISO-8601 UTC).
 */
export async function datasetsToScore(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('datasets as d')
    .leftJoin('quality_scores as q', 'q.dataset_id', 'd.id')
    .select('d.id')
    .where('d.state', '!=', 'deleted')
    .where((eb) =>
      eb.or([
        eb('q.computed_at', 'is', null),
        eb('q.computed_at', '<', eb.ref('d.modified_at')),
        eb.exists(
          eb
            .selectFrom('resources as r')
            .select('r.id')
            .whereRef('r.dataset_id', '=', 'd.id')
            .where((e) =>
              e.or([
                e('r.modified_at', '>', e.ref('q.computed_at')),
                e.exists(
                  e
                    .selectFrom('link_checks as l')
                    .select('l.resource_id')
                    .whereRef('l.resource_id', '=', 'r.id')
                    .whereRef('l.checked_at', '>', 'q.computed_at'),
                ),
                e.exists(
                  e
                    .selectFrom('datastore_versions as v')
                    .select('v.resource_id')
                    .whereRef('v.resource_id', '=', 'r.id')
                    .whereRef('v.created_at', '>', 'q.computed_at'),
                ),
              ]),
            ),
        ),
      ]),
    )
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function saveScore(db: Db, row: NewQualityScore): Promise<void> {
  const rest: Partial<NewQualityScore> = { ...row };
  delete rest.dataset_id;
  await db
    .insertInto('quality_scores')
    .values(row)
    .onConflict((oc) => oc.column('dataset_id').doUpdateSet(rest))
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
