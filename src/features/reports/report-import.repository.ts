import type { Kysely } from 'kysely';
import type {
  Database,
  NewReport,
  ReportSupporter,
  ReportUpdate,
} from '../../platform/db/schema.js';

// Imported reports and what hangs off them, many rows a statement: well inside SQLite's and
// PostgreSQL's limits on bound values (a report has under 40 columns).

const BATCH = 200;

async function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function insertReportRows(
  db: Kysely<Database>,
  rows: {
    reports: readonly NewReport[];
    updates: readonly ReportUpdate[];
    supporters: readonly ReportSupporter[];
  },
): Promise<void> {
  await inBatches(rows.reports, (b) => db.insertInto('reports').values(b).execute());
  await inBatches(rows.updates, (b) => db.insertInto('report_updates').values(b).execute());
  await inBatches(rows.supporters, (b) => db.insertInto('report_supporters').values(b).execute());
}

/** How many reports came from this source (the demo seeds its reports once). */
export async function countReportsFrom(
  db: Kysely<Database>,
  source: NewReport['source'],
): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('source', '=', source)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
