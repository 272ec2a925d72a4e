import { sql, type Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Citizen reports (Open311 service requests): the categories residents choose from, which body
 * answers each where and how it is sent to them, the reports with their photos, updates,
 * supporters ("me too") and moderations; residents' verified e-mail; and the background jobs
 * that send reports and refresh their open dataset, leased from this database.
 */
export const reportsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('users').addColumn('email_verified_at', 'text').execute();
    // Everyone who had an account before residents could sign up was made by an operator.
    await sql`UPDATE users SET email_verified_at = created_at`.execute(db);

    await db.schema
      .createTable('report_categories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('group_name', 'text', (c) => c.notNull())
      .addColumn('keywords', 'text', (c) => c.notNull())
      .addColumn('attributes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('category_routes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('category_id', 'text', (c) =>
        c.notNull().references('report_categories.id').onDelete('cascade'),
      )
      .addColumn('organisation_id', 'text', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('send_method', 'text', (c) => c.notNull())
      .addColumn('destination', 'text', (c) => c.notNull())
      .addColumn('secret', 'text')
      .addColumn('remote_code', 'text')
      .addColumn('jurisdiction_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('category_routes_unique', ['category_id', 'organisation_id'])
      .execute();
    await db.schema
      .createIndex('category_routes_organisation_idx')
      .on('category_routes')
      .column('organisation_id')
      .execute();

    await db.schema
      .createTable('reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('category_id', 'text', (c) => c.notNull().references('report_categories.id'))
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('ward_code', 'text')
      .addColumn('ward_name', 'text')
      .addColumn('latitude', 'double precision', (c) => c.notNull())
      .addColumn('longitude', 'double precision', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('media_url', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('attributes', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('duplicate_of', 'text')
      .addColumn('reporter_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('reporter_email', 'text')
      .addColumn('reporter_name', 'text')
      .addColumn('reporter_phone', 'text')
      .addColumn('show_name', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('send_state', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('external_id', 'text')
      .addColumn('send_error', 'text')
      .addColumn('supporters_count', 'integer', (c) => c.notNull())
      .addColumn('moderated', 'integer', (c) => c.notNull())
      .addColumn('anonymised', 'integer', (c) => c.notNull())
      .addColumn('confirm_token_hash', 'text')
      .addColumn('confirm_expires_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('status_changed_at', 'text', (c) => c.notNull())
      .addColumn('fixed_at', 'text')
      .execute();
    for (const [name, columns] of [
      ['reports_body_status_idx', ['organisation_id', 'status']],
      ['reports_state_created_idx', ['state', 'created_at']],
      ['reports_category_idx', ['category_id']],
      ['reports_point_idx', ['latitude', 'longitude']],
      ['reports_reporter_idx', ['reporter_user_id']],
      ['reports_confirm_idx', ['confirm_token_hash']],
      ['reports_updated_idx', ['updated_at']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .on('reports')
        .columns([...columns])
        .execute();
    }

    await db.schema
      .createTable('report_photos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) =>
        c.notNull().references('reports.id').onDelete('cascade'),
      )
      .addColumn('blob_key', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('hidden', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('report_photos_report_idx')
      .on('report_photos')
      .column('report_id')
      .execute();

    await db.schema
      .createTable('report_updates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) =>
        c.notNull().references('reports.id').onDelete('cascade'),
      )
      .addColumn('author_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('organisation_id', 'text', (c) =>
        c.references('organisations.id').onDelete('set null'),
      )
      .addColumn('status', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text')
      .addColumn('hidden', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('report_updates_report_idx')
      .on('report_updates')
      .columns(['report_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('report_updates_created_idx')
      .on('report_updates')
      .column('created_at')
      .execute();

    await db.schema
      .createTable('report_supporters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) =>
        c.notNull().references('reports.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('confirmed', 'integer', (c) => c.notNull())
      .addColumn('token_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('report_supporters_unique', ['report_id', 'email'])
      .execute();
    await db.schema
      .createIndex('report_supporters_token_idx')
      .on('report_supporters')
      .column('token_hash')
      .execute();

    await db.schema
      .createTable('report_moderations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) =>
        c.notNull().references('reports.id').onDelete('cascade'),
      )
      .addColumn('photo_id', 'text')
      .addColumn('update_id', 'text')
      .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('report_moderations_report_idx')
      .on('report_moderations')
      .column('report_id')
      .execute();

    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['state', 'run_at']).execute();
    await db.schema.createIndex('jobs_kind_idx').on('jobs').columns(['kind', 'state']).execute();
    // Fixed-window counters for rate limits (reporting, sign-up, "me too"), shared by all nodes.
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb) {
    for (const table of [
      'rate_limits',
      'jobs',
      'report_moderations',
      'report_supporters',
      'report_updates',
      'report_photos',
      'reports',
      'category_routes',
      'report_categories',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
    await db.schema.alterTable('users').dropColumn('email_verified_at').execute();
  },
};
