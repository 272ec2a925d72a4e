import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * A harvest source's schedule may be a cron expression (five fields, UTC) instead of an interval
 * in minutes; at most one of the two is set, and neither means runs by hand only. When what a run
 * reads changed (address, type, filters, default licence, loading), the next run reads the source
 * whole rather than only what changed there (`settings_changed_at`).
 */
export const harvestCronMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('harvest_sources').addColumn('cron', 'text').execute();
    await db.schema
      .alterTable('harvest_sources')
      .addColumn('settings_changed_at', 'text')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.alterTable('harvest_sources').dropColumn('settings_changed_at').execute();
    await db.schema.alterTable('harvest_sources').dropColumn('cron').execute();
  },
};
