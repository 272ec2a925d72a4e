import type { Kysely } from 'kysely';
import type { Database, Organisation } from '../../platform/db/schema.js';
import type { ReadableScope } from '../accounts/index.js';
import { visibleDatasets } from './dataset.repository.js';

// The catalogue's view of the organisations that publish in it. The organisations feature owns
// the table and its writes; the catalogue reads it for datasets' publishers and their counts.

export function findPublisherBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findPublisherById(
  db: Kysely<Database>,
  id: string,
): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export type OrganisationWithCount = Omit<Organisation, 'boundary'> & { dataset_count: number };

/** Every organisation with how many datasets the actor can see; boundaries left out (large). */
export function listPublishers(
  db: Kysely<Database>,
  scope: ReadableScope,
): Promise<OrganisationWithCount[]> {
  const counts = visibleDatasets(db, scope)
    .select((eb) => ['d.organisation_id', eb.fn.countAll<number>().as('n')])
    .groupBy('d.organisation_id')
    .as('c');
  return db
    .selectFrom('organisations as o')
    .leftJoin(counts, 'c.organisation_id', 'o.id')
    .select([
      'o.id',
      'o.slug',
      'o.name',
      'o.kind',
      'o.description',
      'o.url',
      'o.area_code',
      'o.created_at',
      'o.updated_at',
    ])
    .select((eb) => eb.fn.coalesce('c.n', eb.lit(0)).as('dataset_count'))
    .orderBy('o.name')
    .execute();
}
