import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * A harvest source's schedule may be a cron expression (five fields, UTC) instead of an interval
 * in minutes; at most one of the two is set, and neither means runs by hand only.
 */
export const harvestCronMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('harvest_sources').addColumn('cron', 'text').execute();
  },
  async down(db: AnyDb) {
    await db.schema.alterTable('harvest_sources').dropColumn('cron').execute();
  },
};
