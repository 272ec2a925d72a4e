import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Roll-ups: a regional table combined from members sharing a Table Schema (issue 14), its
 * members with their last validation report, and the organisations expected to contribute (so
 * the missing ones can be named).
 */
export const rollupsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('rollups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('table_schema', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('dataset_id', 'text', (c) =>
        c.notNull().references('datasets.id').onDelete('cascade'),
      )
      .addColumn('resource_id', 'text', (c) => c.references('resources.id').onDelete('set null'))
      .addColumn('building_until', 'text')
      .addColumn('built_at', 'text')
      .addColumn('built_version', 'integer')
      .addColumn('built_rows', 'integer')
      .addColumn('build_error', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('rollup_members')
      .addColumn('rollup_id', 'text', (c) =>
        c.notNull().references('rollups.id').onDelete('cascade'),
      )
      .addColumn('resource_id', 'text', (c) =>
        c.notNull().references('resources.id').onDelete('cascade'),
      )
      .addColumn('organisation_id', 'text', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('report', 'text')
      .addColumn('checked_version', 'integer')
      .addColumn('checked_at', 'text')
      .addColumn('included', 'integer', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('rollup_members_pk', ['rollup_id', 'resource_id'])
      .execute();
    // A new version of a resource looks up the roll-ups it is a member of.
    await db.schema
      .createIndex('rollup_members_resource_idx')
      .on('rollup_members')
      .column('resource_id')
      .execute();

    await db.schema
      .createTable('rollup_expected')
      .addColumn('rollup_id', 'text', (c) =>
        c.notNull().references('rollups.id').onDelete('cascade'),
      )
      .addColumn('organisation_id', 'text', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint('rollup_expected_pk', ['rollup_id', 'organisation_id'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('rollup_expected').execute();
    await db.schema.dropTable('rollup_members').execute();
    await db.schema.dropTable('rollups').execute();
  },
};
