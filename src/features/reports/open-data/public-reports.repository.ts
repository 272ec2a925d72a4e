import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { PublicReportRecord } from './reports-table.js';

// The public reports for the open dataset, a page at a time in id order (so a large region is
// never read into memory at once, and the same reports always give the same file). Only
// confirmed reports: unconfirmed ones are not public yet, hidden ones were moderated out.

export async function publicReportsAfter(
  db: Kysely<Database>,
  afterId: string | null,
  limit: number,
): Promise<PublicReportRecord[]> {
  let q = db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .where('r.state', '=', 'confirmed');
  if (afterId !== null) q = q.where('r.id', '>', afterId);
  const rows = await q
    .select((eb) => [
      'r.id',
      'c.code as category_code',
      'c.name as category_name',
      'c.group_name as category_group',
      'o.slug as body_slug',
      'o.name as body_name',
      'o.kind as body_kind',
      'r.ward_code',
      'r.ward_name',
      'r.latitude',
      'r.longitude',
      'r.status',
      'r.confirmed_at',
      'r.created_at',
      'r.status_changed_at',
      'r.fixed_at',
      'r.supporters_count',
      'r.source',
      'r.moderated',
      'r.description',
      eb
        .selectFrom('report_updates as u')
        .select((u) => u.fn.countAll<number | string>().as('n'))
        .whereRef('u.report_id', '=', 'r.id')
        .where('u.hidden', '=', 0)
        .as('update_count'),
      eb
        .selectFrom('report_photos as p')
        .select((p) => p.fn.countAll<number | string>().as('n'))
        .whereRef('p.report_id', '=', 'r.id')
        .where('p.hidden', '=', 0)
        .as('photo_count'),
    ])
    .orderBy('r.id')
    .limit(limit)
    .execute();
  // PostgreSQL counts are bigints (strings); numbers in the table either way.
  return rows.map((r) => ({
    ...r,
    update_count: Number(r.update_count ?? 0),
    photo_count: Number(r.photo_count ?? 0),
  }));
}
