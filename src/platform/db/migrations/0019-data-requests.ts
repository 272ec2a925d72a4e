import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Data requests (issue 15): the requests, their status history, supporters, comments and the
 * moderation of comments.
 */
export const dataRequestsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('data_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('theme', 'text')
      .addColumn('frequency', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_reason', 'text')
      .addColumn('target_date', 'text')
      .addColumn('dataset_id', 'text', (c) => c.references('datasets.id').onDelete('set null'))
      .addColumn('refusal_reason', 'text')
      .addColumn('duplicate_of', 'text', (c) =>
        c.references('data_requests.id').onDelete('set null'),
      )
      .addColumn('requester_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('supporters_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // The list is filtered by body and status, newest first; a dataset page looks up its answers.
    await db.schema
      .createIndex('data_requests_org_idx')
      .on('data_requests')
      .columns(['organisation_id', 'status'])
      .execute();
    await db.schema
      .createIndex('data_requests_dataset_idx')
      .on('data_requests')
      .column('dataset_id')
      .execute();

    await db.schema
      .createTable('data_request_status_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) =>
        c.notNull().references('data_requests.id').onDelete('cascade'),
      )
      .addColumn('from_status', 'text', (c) => c.notNull())
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('target_date', 'text')
      .addColumn('dataset_id', 'text', (c) => c.references('datasets.id').onDelete('set null'))
      .addColumn('refusal_reason', 'text')
      .addColumn('duplicate_of', 'text', (c) =>
        c.references('data_requests.id').onDelete('set null'),
      )
      .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('data_request_status_changes_request_idx')
      .on('data_request_status_changes')
      .column('request_id')
      .execute();

    await db.schema
      .createTable('data_request_supporters')
      .addColumn('request_id', 'text', (c) =>
        c.notNull().references('data_requests.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('data_request_supporters_pk', ['request_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('data_request_comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) =>
        c.notNull().references('data_requests.id').onDelete('cascade'),
      )
      .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('data_request_comments_request_idx')
      .on('data_request_comments')
      .column('request_id')
      .execute();

    await db.schema
      .createTable('data_request_moderations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) =>
        c.notNull().references('data_requests.id').onDelete('cascade'),
      )
      .addColumn('comment_id', 'text', (c) =>
        c.notNull().references('data_request_comments.id').onDelete('cascade'),
      )
      .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('data_request_moderations').execute();
    await db.schema.dropTable('data_request_comments').execute();
    await db.schema.dropTable('data_request_supporters').execute();
    await db.schema.dropTable('data_request_status_changes').execute();
    await db.schema.dropTable('data_requests').execute();
  },
};
