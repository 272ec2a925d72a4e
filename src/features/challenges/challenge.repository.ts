import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ChallengeRow, ChallengeTable, Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

/** A challenge with its organisation's slug and name, as lists and pages show it. */
export interface ChallengeWithOrg extends ChallengeRow {
  organisation_slug: string;
  organisation_name: string;
  promise_slug: string | null;
  promise_title: string | null;
}

const withOrg = (db: Db) =>
  db
    .selectFrom('challenges as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('promises as p', 'p.id', 'c.promise_id')
    .selectAll('c')
    .select([
      'o.slug as organisation_slug',
      'o.name as organisation_name',
      'p.slug as promise_slug',
      'p.title as promise_title',
    ]);

export function findChallengeBySlug(db: Db, slug: string): Promise<ChallengeWithOrg | undefined> {
  return withOrg(db).where('c.slug', '=', slug).executeTakeFirst();
}

export interface ChallengeRowFilter {
  /** Published challenges, plus the drafts of these organisations (all of them if `all`). */
  draftsOf: { all: boolean; organisationIds: string[] };
  organisationSlug?: string | undefined;
  promiseId?: string | undefined;
}

/** Challenges the filter allows, latest deadline first. */
export function listChallengeRows(db: Db, f: ChallengeRowFilter): Promise<ChallengeWithOrg[]> {
  let qb = withOrg(db);
  if (!f.draftsOf.all) {
    const ids = f.draftsOf.organisationIds;
    qb = qb.where((eb) =>
      ids.length > 0
        ? eb.or([eb('c.state', '=', 'published'), eb('c.organisation_id', 'in', ids)])
        : eb('c.state', '=', 'published'),
    );
  }
  if (f.organisationSlug !== undefined) qb = qb.where('o.slug', '=', f.organisationSlug);
  if (f.promiseId !== undefined) qb = qb.where('c.promise_id', '=', f.promiseId);
  return qb.orderBy('c.deadline', 'desc').orderBy('c.id').execute();
}

export async function insertChallenge(db: Db, row: Insertable<ChallengeTable>): Promise<void> {
  await db.insertInto('challenges').values(row).execute();
}

export async function updateChallenge(
  db: Db,
  id: string,
  changes: Updateable<ChallengeTable>,
): Promise<void> {
  await db.updateTable('challenges').set(changes).where('id', '=', id).execute();
}

/** The datasets a challenge offers, in the order given. */
export async function challengeDatasetIds(db: Db, challengeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('challenge_datasets')
    .select('dataset_id')
    .where('challenge_id', '=', challengeId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.dataset_id);
}

export async function replaceChallengeDatasets(
  db: Db,
  challengeId: string,
  datasetIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('challenge_datasets').where('challenge_id', '=', challengeId).execute();
  if (datasetIds.length === 0) return;
  await db
    .insertInto('challenge_datasets')
    .values(datasetIds.map((id, i) => ({ challenge_id: challengeId, dataset_id: id, position: i })))
    .execute();
}

/** Public challenges linked to a promise (for the promise page). */
export function publishedChallengesOfPromise(db: Db, promiseId: string) {
  return db
    .selectFrom('challenges')
    .select(['slug', 'title', 'deadline', 'decided_at', 'cancelled_at', 'state'])
    .where('promise_id', '=', promiseId)
    .where('state', '=', 'published')
    .orderBy('deadline', 'desc')
    .execute();
}

/** Deletes a challenge (its offered datasets go with it; the service checks it has no entries). */
export async function deleteChallengeRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('challenges').where('id', '=', id).execute();
}
