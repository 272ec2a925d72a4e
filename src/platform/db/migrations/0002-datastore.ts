import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/** Datastore versions (immutable Parquet per load) and the loads that make them. */
export const datastoreMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('datastore_loads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('resource_id', 'text', (c) =>
        c.notNull().references('resources.id').onDelete('cascade'),
      )
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source_blob_key', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('version', 'integer')
      .addColumn('report', 'text')
      .addColumn('error', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema
      .createIndex('datastore_loads_resource_idx')
      .on('datastore_loads')
      .columns(['resource_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('datastore_loads_status_idx')
      .on('datastore_loads')
      .column('status')
      .execute();

    await db.schema
      .createTable('datastore_versions')
      .addColumn('resource_id', 'text', (c) =>
        c.notNull().references('resources.id').onDelete('cascade'),
      )
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('load_id', 'text', (c) => c.notNull())
      .addColumn('blob_key', 'text', (c) => c.notNull())
      .addColumn('row_count', 'bigint', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('geometry', 'text')
      .addColumn('report', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('datastore_versions_pk', ['resource_id', 'version'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('datastore_versions').ifExists().execute();
    await db.schema.dropTable('datastore_loads').ifExists().execute();
  },
};
