import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/** Showcases (issue 15): what people built on the data, and the datasets each one uses. */
export const showcasesMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('showcases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('link', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('rejection_reason', 'text')
      .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('decided_at', 'text')
      .addColumn('image_key', 'text')
      .addColumn('image_width', 'integer')
      .addColumn('image_height', 'integer')
      .addColumn('image_bytes', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // The public list: approved ones, newest first.
    await db.schema
      .createIndex('showcases_status_idx')
      .on('showcases')
      .columns(['status', 'created_at'])
      .execute();
    await db.schema
      .createIndex('showcases_author_idx')
      .on('showcases')
      .column('author_id')
      .execute();

    await db.schema
      .createTable('showcase_datasets')
      .addColumn('showcase_id', 'text', (c) =>
        c.notNull().references('showcases.id').onDelete('cascade'),
      )
      .addColumn('dataset_id', 'text', (c) =>
        c.notNull().references('datasets.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('showcase_datasets_pk', ['showcase_id', 'dataset_id'])
      .execute();
    // A dataset page lists the showcases built with it.
    await db.schema
      .createIndex('showcase_datasets_dataset_idx')
      .on('showcase_datasets')
      .column('dataset_id')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('showcase_datasets').execute();
    await db.schema.dropTable('showcases').execute();
  },
};
