import { sql, type Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Quality, second step (issue 15): each body's data requests in its daily snapshot (the trend),
 * and link checks found without walking every resource: `scheduled_from` is when a link's check
 * interval counts from (its last check, or the epoch when a re-check is asked), indexed so a
 * pass reads only the links that are due.
 */
export const qualityRequestsMigration: Migration = {
  async up(db: AnyDb) {
    for (const column of [
      'open_requests',
      'overdue_requests',
      'judged_requests',
      'in_time_requests',
    ]) {
      await db.schema
        .alterTable('quality_snapshots')
        .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    }
    await db.schema.alterTable('link_checks').addColumn('scheduled_from', 'text').execute();
    await db
      .updateTable('link_checks')
      .set({ scheduled_from: sql.ref('checked_at') })
      .execute();
    await db.schema
      .createIndex('link_checks_scheduled_idx')
      .on('link_checks')
      .column('scheduled_from')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('link_checks_scheduled_idx').execute();
    await db.schema.alterTable('link_checks').dropColumn('scheduled_from').execute();
    for (const column of [
      'open_requests',
      'overdue_requests',
      'judged_requests',
      'in_time_requests',
    ]) {
      await db.schema.alterTable('quality_snapshots').dropColumn(column).execute();
    }
  },
};
