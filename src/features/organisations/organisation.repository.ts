import type { Kysely } from 'kysely';
import { markBoundariesChanged } from '../../platform/db/meta.repository.js';
import type { Database, NewOrganisation, Organisation } from '../../platform/db/schema.js';

export function findOrganisationBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertOrganisation(
  db: Kysely<Database>,
  org: NewOrganisation,
): Promise<void> {
  await db.insertInto('organisations').values(org).execute();
  // A new transport body or combined authority answers across the region (areas feature).
  await markBoundariesChanged(db);
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
  await markBoundariesChanged(db);
}

export function listAllOrganisations(db: Kysely<Database>): Promise<Organisation[]> {
  return db.selectFrom('organisations').selectAll().orderBy('name').execute();
}
