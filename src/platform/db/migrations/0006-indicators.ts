import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Indicators (a measure computed live from a datastore resource, with a baseline and a target)
 * and dashboards (a page of tiles). `promise_id` has no foreign key: promises arrive in 0007,
 * and migrations may apply out of order. Definitions and tiles are JSON text, validated by the
 * API's schemas, so both databases store them the same way.
 */
export const indicatorsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('indicators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('resource_id', 'text', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('baseline_value', 'double precision', (c) => c.notNull())
      .addColumn('baseline_date', 'text', (c) => c.notNull())
      .addColumn('target_value', 'double precision', (c) => c.notNull())
      .addColumn('target_date', 'text', (c) => c.notNull())
      .addColumn('promise_id', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('indicators_promise_idx')
      .on('indicators')
      .column('promise_id')
      .execute();
    await db.schema
      .createTable('dashboards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('tiles', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('dashboards').execute();
    await db.schema.dropTable('indicators').execute();
  },
};
