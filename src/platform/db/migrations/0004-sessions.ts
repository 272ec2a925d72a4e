import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Web sign-in sessions. The id is the SHA-256 of the cookie's random token, so a copy of the
 * table (a backup, a leaked dump) cannot be replayed as a cookie.
 */
export const sessionsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
    await db.schema
      .createIndex('sessions_expires_idx')
      .on('sessions')
      .column('expires_at')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('sessions').ifExists().execute();
  },
};
