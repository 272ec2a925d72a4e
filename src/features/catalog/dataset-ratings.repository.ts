import type { Kysely } from 'kysely';
import type { Database, DatasetRatingTable } from '../../platform/db/schema.js';

export type DatasetRating = DatasetRatingTable;

/**
 * Files the ratings, changing only those that differ: an unchanged rating is no search change,
 * so rescoring a catalogue whose scores stand still does not make every search index re-read it.
 */
export async function setDatasetRatings(
  db: Kysely<Database>,
  ratings: readonly DatasetRating[],
): Promise<void> {
  if (ratings.length === 0) return;
  await db
    .insertInto('dataset_ratings')
    .values([...ratings])
    .onConflict((oc) =>
      oc
        .column('dataset_id')
        .doUpdateSet((eb) => ({
          openness: eb.ref('excluded.openness'),
          quality: eb.ref('excluded.quality'),
        }))
        .where((eb) =>
          eb.or([
            eb('dataset_ratings.openness', '<>', eb.ref('excluded.openness')),
            eb('dataset_ratings.quality', '<>', eb.ref('excluded.quality')),
          ]),
        ),
    )
    .execute();
}
