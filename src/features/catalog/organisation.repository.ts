import type { Kysely } from 'kysely';
import type { Database, NewOrganisation, Organisation } from '../../platform/db/schema.js';
import type { ReadableScope } from '../accounts/policy.js';
import { visibleDatasets } from './dataset.repository.js';

export function findOrganisationBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findOrganisationById(
  db: Kysely<Database>,
  id: string,
): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganisation(
  db: Kysely<Database>,
  org: NewOrganisation,
): Promise<void> {
  await db.insertInto('organisations').values(org).execute();
}

export async function updateOrganisationBoundary(
  db: Kysely<Database>,
  id: string,
  boundary: string,
  areaCode: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ boundary, area_code: areaCode, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export type OrganisationWithCount = Omit<Organisation, 'boundary'> & { dataset_count: number };

/** Every organisation with how many datasets the actor can see; boundaries left out (large). */
export function listOrganisations(
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

export function listAllOrganisations(db: Kysely<Database>): Promise<Organisation[]> {
  return db.selectFrom('organisations').selectAll().orderBy('name').execute();
}
