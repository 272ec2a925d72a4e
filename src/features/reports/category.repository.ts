import type { Kysely } from 'kysely';
import type { CategoryRoute, Database, ReportCategory } from '../../platform/db/schema.js';

export function listCategoryRows(db: Kysely<Database>): Promise<ReportCategory[]> {
  return db
    .selectFrom('report_categories')
    .selectAll()
    .orderBy('group_name')
    .orderBy('name')
    .execute();
}

export function findCategoryByCode(
  db: Kysely<Database>,
  code: string,
): Promise<ReportCategory | undefined> {
  return db.selectFrom('report_categories').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findCategoryById(
  db: Kysely<Database>,
  id: string,
): Promise<ReportCategory | undefined> {
  return db.selectFrom('report_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function upsertCategoryRow(db: Kysely<Database>, row: ReportCategory): Promise<void> {
  await db
    .insertInto('report_categories')
    .values(row)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name: row.name,
        description: row.description,
        group_name: row.group_name,
        keywords: row.keywords,
        attributes: row.attributes,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export function routesOfOrganisations(
  db: Kysely<Database>,
  organisationIds: readonly string[],
): Promise<CategoryRoute[]> {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('category_routes')
    .selectAll()
    .where('organisation_id', 'in', organisationIds)
    .execute();
}

export function listRouteRows(db: Kysely<Database>): Promise<CategoryRoute[]> {
  return db.selectFrom('category_routes').selectAll().execute();
}

export function findRoute(
  db: Kysely<Database>,
  categoryId: string,
  organisationId: string,
): Promise<CategoryRoute | undefined> {
  return db
    .selectFrom('category_routes')
    .selectAll()
    .where('category_id', '=', categoryId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function upsertRouteRow(db: Kysely<Database>, row: CategoryRoute): Promise<void> {
  await db
    .insertInto('category_routes')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['category_id', 'organisation_id']).doUpdateSet({
        send_method: row.send_method,
        destination: row.destination,
        secret: row.secret,
        remote_code: row.remote_code,
        jurisdiction_id: row.jurisdiction_id,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteRouteRow(
  db: Kysely<Database>,
  categoryId: string,
  organisationId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('category_routes')
    .where('category_id', '=', categoryId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
