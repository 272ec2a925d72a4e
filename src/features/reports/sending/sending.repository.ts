import type { Kysely } from 'kysely';
import type { Database, Report, ReportUpdate } from '../../../platform/db/schema.js';

// The reports table as the sending jobs and the operators' view read and write it.

/** Records a delivery once: false when another worker recorded it first. */
export async function markReportSent(
  db: Kysely<Database>,
  id: string,
  sent: { at: string; externalId: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set({ send_state: 'sent', sent_at: sent.at, external_id: sent.externalId, send_error: null })
    .where('id', '=', id)
    .where('send_state', '!=', 'sent')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records a failed attempt (failed: given up on until an administrator sends it again). */
export async function markReportFailing(
  db: Kysely<Database>,
  id: string,
  failure: { error: string; final: boolean },
): Promise<void> {
  await db
    .updateTable('reports')
    .set({ send_state: failure.final ? 'failed' : 'queued', send_error: failure.error })
    .where('id', '=', id)
    .where('send_state', '!=', 'sent')
    .execute();
}

/** Back in the queue by an administrator's hand. */
export async function markReportRequeued(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('reports')
    .set({ send_state: 'queued' })
    .where('id', '=', id)
    .where('send_state', '!=', 'sent')
    .execute();
}

export interface BodyCount {
  organisation_id: string;
  n: number;
}

const counted = (rows: { organisation_id: string; n: number | string | bigint }[]): BodyCount[] =>
  rows.map((r) => ({ organisation_id: r.organisation_id, n: Number(r.n) }));

/** Confirmed reports not sent yet (waiting for their first try, or retrying), by body. */
export async function countWaitingByBody(db: Kysely<Database>): Promise<BodyCount[]> {
  return counted(
    await db
      .selectFrom('reports')
      .select((eb) => ['organisation_id', eb.fn.countAll<number | string>().as('n')])
      .where('state', '=', 'confirmed')
      .where('send_state', 'in', ['unsent', 'queued'])
      .groupBy('organisation_id')
      .execute(),
  );
}

/** Reports sent since a time, by body. */
export async function countSentByBody(db: Kysely<Database>, since: string): Promise<BodyCount[]> {
  return counted(
    await db
      .selectFrom('reports')
      .select((eb) => ['organisation_id', eb.fn.countAll<number | string>().as('n')])
      .where('send_state', '=', 'sent')
      .where('sent_at', '>=', since)
      .groupBy('organisation_id')
      .execute(),
  );
}

export type ReportBrief = Pick<
  Report,
  'id' | 'organisation_id' | 'category_id' | 'description' | 'send_state' | 'state' | 'created_at'
>;

export function findReportBriefs(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<ReportBrief[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reports')
    .select([
      'id',
      'organisation_id',
      'category_id',
      'description',
      'send_state',
      'state',
      'created_at',
    ])
    .where('id', 'in', ids)
    .execute();
}

export function findUpdateRow(db: Kysely<Database>, id: string): Promise<ReportUpdate | undefined> {
  return db.selectFrom('report_updates').selectAll().where('id', '=', id).executeTakeFirst();
}
