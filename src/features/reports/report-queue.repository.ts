import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** The wards the bodies' reports lie in, for the queue's filter. */
export function wardsOfReports(
  db: Kysely<Database>,
  organisationIds: readonly string[] | null,
): Promise<{ ward_code: string | null; ward_name: string | null }[]> {
  let q = db
    .selectFrom('reports')
    .select(['ward_code', 'ward_name'])
    .distinct()
    .where('ward_code', 'is not', null)
    .where('state', '!=', 'unconfirmed');
  if (organisationIds) q = q.where('organisation_id', 'in', [...organisationIds, '']);
  return q.orderBy('ward_name').execute();
}
