import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

const DIGITAL_SERVICES = {
  slug: 'digital-services',
  title: 'Digital public services',
  description: 'Open data, online public services, cyber security and digital leadership.',
};

/**
 * The promise tracker: a promise and its status changes. The current status is kept on the
 * promise as well as in its last change, so the scorecard counts and filters without reading
 * every history; the service writes both in one transaction.
 */
export const promisesMigration: Migration = {
  async up(db: AnyDb) {
    // Promises about open data and online services fit none of the first themes; datasets may
    // use it too (a council's open data inventory, its online transactions).
    await db
      .insertInto('themes')
      .values(DIGITAL_SERVICES)
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
    await db.schema
      .createTable('promises')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('quote', 'text', (c) => c.notNull())
      .addColumn('source_kind', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text')
      .addColumn('source_date', 'text')
      .addColumn('made_by', 'text', (c) => c.notNull())
      .addColumn('theme', 'text', (c) => c.notNull())
      // 'date' (deadline_date) or 'days' (deadline_days after the term starts) or 'none'.
      .addColumn('deadline_kind', 'text', (c) => c.notNull())
      .addColumn('deadline_date', 'text')
      .addColumn('deadline_days', 'integer')
      .addColumn('owner_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_date', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('promises_theme_idx').on('promises').column('theme').execute();
    await db.schema
      .createTable('promise_status_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('promise_id', 'text', (c) =>
        c.notNull().references('promises.id').onDelete('cascade'),
      )
      .addColumn('changed_on', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text', (c) => c.notNull())
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('rationale', 'text', (c) => c.notNull())
      // JSON: [{title, url, kind: document | dataset | news}]
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('promise_status_changes_promise_idx')
      .on('promise_status_changes')
      .columns(['promise_id', 'changed_on'])
      .execute();
    await db.schema
      .createIndex('promise_status_changes_created_idx')
      .on('promise_status_changes')
      .column('created_at')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('promise_status_changes').execute();
    await db.schema.dropTable('promises').execute();
    await db.deleteFrom('themes').where('slug', '=', DIGITAL_SERVICES.slug).execute();
  },
};
